using System.Net.Http.Headers;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Dicom.Import;

/// <summary>The FHIR server's answer to a transaction (or why there was none).</summary>
public sealed record TransactionOutcome(bool Success, int? StatusCode, string Message);

/// <summary>
/// POSTs a transaction Bundle to a FHIR base URL (FHIR R4 http.html#transaction: POST [base] with the Bundle,
/// Content-Type application/fhir+json). One attempt, bounded by a timeout; the handler is injectable for tests.
/// </summary>
public sealed class FhirTransactionSender(HttpMessageHandler? handler = null, TimeSpan? timeout = null)
{
    public TransactionOutcome Send(string baseUrl, Bundle bundle)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return new TransactionOutcome(false, null, $"'{baseUrl}' is not an http(s) URL");
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = timeout ?? TimeSpan.FromSeconds(60);
        using var content = new ByteArrayContent(FhirJsonWriter.Default.WriteToUtf8Bytes(bundle));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl.TrimEnd('/')) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        try
        {
            using var response = http.Send(request);
            var code = (int)response.StatusCode;
            return new TransactionOutcome(response.IsSuccessStatusCode, code, $"FHIR server answered {code} {response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new TransactionOutcome(false, null, $"FHIR server {baseUrl} not reachable: {e.Message}");
        }
    }
}
