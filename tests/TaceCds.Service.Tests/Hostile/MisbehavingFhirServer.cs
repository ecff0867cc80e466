using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TaceCds.Service.Tests.Hostile;

/// <summary>
/// A FHIR server on 127.0.0.1 (Kestrel, a random port) that misbehaves as a broken or hostile network would, one
/// behaviour per base path: <c>/hang</c> never answers, <c>/500</c> always fails, <c>/redirect</c> answers 302 to
/// <see cref="Elsewhere"/> (another loopback server that records whether anyone followed), <c>/endless</c> serves
/// <see cref="PageBytes"/>-sized searchset pages whose <c>next</c> link never ends, <c>/huge</c> one such page per
/// search, <c>/429</c> Too Many Requests with <c>Retry-After: 3600</c>, <c>/trickle</c> sends headers then one byte a
/// 100 ms. It counts requests and bytes served per behaviour.
/// </summary>
public sealed class MisbehavingFhirServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private long _bytesServed;

    public RecordingServer Elsewhere { get; }
    /// <summary>Size of each page /endless and /huge serve.</summary>
    public int PageBytes { get; }

    public static async Task<MisbehavingFhirServer> StartAsync(int pageBytes = 10 * 1024 * 1024)
    {
        var elsewhere = await RecordingServer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new MisbehavingFhirServer(app, elsewhere, pageBytes);
        await app.StartAsync();
        return server;
    }

    private MisbehavingFhirServer(WebApplication app, RecordingServer elsewhere, int pageBytes)
    {
        _app = app;
        Elsewhere = elsewhere;
        PageBytes = pageBytes;
        app.Map("/{behaviour}/{**rest}", Serve);
        // The port is known once Kestrel listens.
        _root = new Lazy<Uri>(() => new Uri(app.Urls.First()));
    }

    private readonly Lazy<Uri> _root;

    /// <summary>The base URL of one behaviour, e.g. <c>http://127.0.0.1:PORT/endless/fhir</c>.</summary>
    public string Base(string behaviour) => new Uri(_root.Value, $"/{behaviour}/fhir").ToString();

    public int Requests(string behaviour) => _requests.GetValueOrDefault(behaviour);
    public long BytesServed => Interlocked.Read(ref _bytesServed);

    private async Task Serve(HttpContext http, string behaviour)
    {
        _requests.AddOrUpdate(behaviour, 1, (_, n) => n + 1);
        var ct = http.RequestAborted;
        switch (behaviour)
        {
            case "hang":
                await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case "500":
                http.Response.StatusCode = 500;
                return;
            case "redirect":
                http.Response.StatusCode = 302;
                http.Response.Headers.Location = Elsewhere.Base + http.Request.Path.Value!["/redirect/fhir".Length..] + http.Request.QueryString;
                return;
            case "429":
                http.Response.StatusCode = 429;
                http.Response.Headers.RetryAfter = "3600";
                return;
            case "trickle":
                http.Response.ContentType = "application/fhir+json";
                await http.Response.StartAsync(ct);
                try
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await http.Response.Body.WriteAsync(" "u8.ToArray(), ct);
                        await http.Response.Body.FlushAsync(ct);
                        Interlocked.Increment(ref _bytesServed);
                        await Task.Delay(100, ct);
                    }
                }
                catch (OperationCanceledException)
                {
                    // The client gave up: what the probe wants.
                }
                return;
            case "endless":
            case "huge":
                await ServePage(http, behaviour, ct);
                return;
            default:
                http.Response.StatusCode = 404;
                return;
        }
    }

    // A searchset of one Observation padded to PageBytes (a long `text.div`), with a next link on /endless.
    private async Task ServePage(HttpContext http, string behaviour, CancellationToken ct)
    {
        var page = int.TryParse(http.Request.Query["page"], CultureInfo.InvariantCulture, out var p) ? p : 1;
        var path = http.Request.Path.Value!;
        var query = http.Request.QueryString.Value!.Split("&page=")[0];
        var next = behaviour == "endless" ? $"\"link\":[{{\"relation\":\"next\",\"url\":\"{_root.Value.GetLeftPart(UriPartial.Authority)}{path}{query}&page={page + 1}\"}}]," : "";
        var head = Encoding.UTF8.GetBytes(
            $"{{\"resourceType\":\"Bundle\",\"type\":\"searchset\",{next}\"entry\":[{{\"resource\":{{\"resourceType\":\"Observation\",\"id\":\"o{page}\",\"status\":\"final\"," +
            "\"code\":{\"text\":\"padding\"},\"subject\":{\"reference\":\"Patient/p02\"},\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">");
        var tail = Encoding.UTF8.GetBytes("</div>\"}}}]}");
        var padding = Math.Max(0, PageBytes - head.Length - tail.Length);
        http.Response.ContentType = "application/fhir+json";
        http.Response.ContentLength = head.Length + padding + tail.Length;
        try
        {
            await http.Response.Body.WriteAsync(head, ct);
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            for (var left = padding; left > 0; left -= chunk.Length)
            {
                await http.Response.Body.WriteAsync(chunk.AsMemory(0, Math.Min(left, chunk.Length)), ct);
                Interlocked.Add(ref _bytesServed, Math.Min(left, chunk.Length));
            }
            await http.Response.Body.WriteAsync(tail, ct);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client stopped reading at its budget.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Elsewhere.DisposeAsync();
    }
}

/// <summary>A loopback server that only records the requests it gets (the target of a redirect nobody should follow).</summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    public int Requests => _requests;
    public string Base => _app.Urls.First() + "/fhir";

    private RecordingServer(WebApplication app) => _app = app;

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingServer(app);
        app.Run(http =>
        {
            Interlocked.Increment(ref server._requests);
            http.Response.ContentType = "application/fhir+json";
            return http.Response.WriteAsync("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}");
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
