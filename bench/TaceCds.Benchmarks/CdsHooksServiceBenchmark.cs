using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TaceCds.Service.Hooks;

namespace TaceCds.Benchmarks;

/// <summary>
/// The CDS Hooks service over loopback HTTP (Kestrel on 127.0.0.1): a patient-view for samples/p15.json with full
/// prefetch (172 resources, ~96 KB), i.e. read and validate the request, parse every prefetched resource, evaluate,
/// build and normalise the cards, write the answer. Target (issue 5): p99 under 20 ms (measured with wrk, bench/cds-hooks).
/// </summary>
[MemoryDiagnoser]
public class CdsHooksServiceBenchmark
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private byte[] _patientView = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _app = TaceCds.Service.Program.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["TaceCds:AsOf"] = "2025-06-01" });
        });
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        _patientView = System.Text.Encoding.UTF8.GetBytes(PatientViewRequest("p15").ToJsonString());
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Benchmark]
    public async Task<int> PatientViewWithFullPrefetch()
    {
        var content = new ByteArrayContent(_patientView);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _client.PostAsync("/cds-services/" + ServiceCatalog.CourseReviewId, content);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? body.Length : throw new InvalidOperationException($"HTTP {(int)response.StatusCode}");
    }

    private static JsonObject PatientViewRequest(string patientId)
    {
        var bundle = JsonNode.Parse(File.ReadAllText(RepoFile.Find("samples", patientId + ".json")))!;
        var resources = bundle["entry"]!.AsArray().Select(e => e!["resource"]!).ToList();
        var prefetch = new JsonObject();
        foreach (var (key, template) in ServiceCatalog.PatientPrefetch)
        {
            var type = template.Split('/', '?')[0];
            var matching = resources.Where(r => (string?)r["resourceType"] == type).Select(r => (JsonNode?)new JsonObject { ["resource"] = r.DeepClone() }).ToArray();
            prefetch[key] = template.Contains('?')
                ? new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["entry"] = new JsonArray(matching) }
                : matching.Single()!["resource"]!.DeepClone();
        }
        return new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
            ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId },
            ["prefetch"] = prefetch,
        };
    }
}
