using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaceCds.Security.Tests;

/// <summary>The real HTTP fetcher against a loopback listener: size bound, status codes, no redirects.</summary>
public sealed class HttpJwksFetcherTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Uri _base;

    public HttpJwksFetcherTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(_base.AbsoluteUri);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            var path = ctx.Request.Url!.AbsolutePath;
            byte[] body = path switch
            {
                "/small" => Encoding.UTF8.GetBytes("{\"keys\":[]}"),
                "/huge" => new byte[200_000],
                _ => [],
            };
            ctx.Response.StatusCode = path switch { "/small" or "/huge" => 200, "/redirect" => 302, _ => 404 };
            if (path == "/redirect") ctx.Response.Headers["Location"] = _base + "small";
            // The huge one goes chunked, without Content-Length: the bound must hold while reading.
            if (path == "/huge") ctx.Response.SendChunked = true;
            else ctx.Response.ContentLength64 = body.Length;
            try { await ctx.Response.OutputStream.WriteAsync(body); ctx.Response.Close(); }
            catch (Exception) { /* the client may hang up once it has seen enough */ }
        }
    }

    [Fact]
    public async Task Fetches_a_small_document()
    {
        var text = await new HttpJwksFetcher().FetchAsync(new Uri(_base, "small"), default);
        Assert.Equal("{\"keys\":[]}", text);
    }

    [Theory]
    [InlineData("huge", "larger than")]
    [InlineData("missing", "answered 404")]
    [InlineData("redirect", "answered 302")]
    public async Task Refuses(string path, string reason)
    {
        var e = await Assert.ThrowsAsync<JwksFetchException>(() => new HttpJwksFetcher(maxBytes: 64 * 1024).FetchAsync(new Uri(_base, path), default));
        Assert.Contains(reason, e.Message);
    }

    public void Dispose() => _listener.Close();
}
