using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaceCds.Service.Tests.Telemetry;

/// <summary>
/// Issue 14: with <c>TaceCds:Telemetry:Otlp:Endpoint</c> set, traces and metrics are pushed by OTLP/HTTP to that
/// collector (here a listener on loopback), and the exported bytes hold no patient id or hookInstance.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task A_hook_call_is_exported_to_the_OTLP_collector_as_traces_and_metrics_without_the_patient_id()
    {
        var port = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentBag<(string Path, string ContentType, byte[] Body)>();
        var receiving = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try { context = await collector.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Add((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? "", body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        var request = SampleRequests.PatientView("p02");
        var hookInstance = (string)request["hookInstance"]!;
        await using (var host = new ServiceHost(new Dictionary<string, string?>
        {
            ["TaceCds:LocalData"] = SampleRequests.SamplesFolder,
            ["TaceCds:Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{port}",
            ["TaceCds:Telemetry:Otlp:Protocol"] = "http",
        }))
        {
            var (response, _) = await SampleRequests.PostAsync(host.CreateClient(), "tace-course-review", request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        } // stopping the host flushes both exporters

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(received.Any(r => r.Path == "/v1/traces") && received.Any(r => r.Path == "/v1/metrics")) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        collector.Stop();
        await receiving;

        var traces = received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.Contains(received, r => r.Path == "/v1/metrics");
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
        var exported = string.Concat(received.Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.Contains("cds.hook_call", exported);
        Assert.Contains("tacecds.hook.calls", exported);
        Assert.DoesNotContain("p02", exported);
        Assert.DoesNotContain(hookInstance, exported);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
