using System.Net.Http.Headers;
using System.Text;

namespace TaceCds.Security;

/// <summary>
/// Fetches JWK Sets over HTTP(S) with a time bound and a size bound, and without following redirects (a redirect
/// would leave the allowlist).
/// </summary>
public sealed class HttpJwksFetcher : IJwksFetcher
{
    private readonly HttpClient _http;
    private readonly int _maxBytes;

    public HttpJwksFetcher(HttpClient? http = null, TimeSpan? timeout = null, int maxBytes = 64 * 1024)
    {
        _http = http ?? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        _http.Timeout = timeout ?? TimeSpan.FromSeconds(5);
        _maxBytes = maxBytes;
    }

    public async Task<string> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode) throw new JwksFetchException($"JWKS {url} answered {(int)response.StatusCode}");
            if (response.Content.Headers.ContentLength > _maxBytes) throw new JwksFetchException($"JWKS {url} larger than {_maxBytes} bytes");
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[_maxBytes + 1];
            var total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
                if (total > _maxBytes) throw new JwksFetchException($"JWKS {url} larger than {_maxBytes} bytes");
            }
            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new JwksFetchException($"JWKS {url} unreachable: {e.GetType().Name}", e);
        }
    }
}
