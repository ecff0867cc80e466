using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using TaceCds.Service.Trust;

namespace TaceCds.Service.Tests.Telemetry;

/// <summary>
/// Issue 14: a hook call is one trace — request → FHIR reads → evaluation → audit — and no attribute value holds a
/// patient identifier, the hookInstance, the user or the FHIR access token.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TracingTests
{
    [Fact]
    public async Task A_patient_view_read_from_a_FHIR_server_is_one_trace_without_patient_identifiers()
    {
        var spans = new List<Activity>();
        var fhir = new SampleFhirServer();
        // The request names this FHIR server: allowed by configuration (issue 13 allowlist), served in memory.
        await using var plain = new ServiceHost(new Dictionary<string, string?> { ["TaceCds:FhirServer:AllowedOrigins"] = "https://fhir.example.org" }, fhirHandler: fhir);
        await using var host = plain.WithWebHostBuilder(b =>
            b.ConfigureServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))));
        var client = host.CreateClient();
        const string token = "access-token-7f3a9c2e51d04b8e";
        var request = SampleRequests.PatientView("p02");
        request["fhirServer"] = "https://fhir.example.org/r4";
        request["fhirAuthorization"] = new JsonObject
        {
            ["access_token"] = token, ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "tacecds",
        };
        var hookInstance = (string)request["hookInstance"]!;

        var (response, _) = await SampleRequests.PostAsync(client, "tace-course-review", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Services.GetRequiredService<HookCallAudit>().FlushAsync(TimeSpan.FromSeconds(30));

        List<Activity> ended;
        lock (spans) ended = [.. spans];
        var call = Assert.Single(ended, a => a.OperationName == "cds.hook_call");
        Assert.Equal(("tace-course-review", "patient-view", 200), ((string?)call.GetTagItem("cds.service"), (string?)call.GetTagItem("cds.hook"), (int?)call.GetTagItem("http.response.status_code")));
        var trace = ended.Where(a => a.TraceId == call.TraceId).ToList();
        var gather = Assert.Single(trace, a => a.OperationName == "cds.gather_data");
        var evaluate = Assert.Single(trace, a => a.OperationName == "cds.evaluate");
        var audit = Assert.Single(trace, a => a.OperationName == "audit.enqueue");
        Assert.All([gather, evaluate, audit], a => Assert.Equal(call.SpanId, a.ParentSpanId));
        var reads = trace.Where(a => a.OperationName == "fhir.read").ToList();
        Assert.Equal(fhir.Requests, reads.Count);
        Assert.All(reads, r => Assert.Equal(gather.SpanId, r.ParentSpanId));
        Assert.Contains(reads, r => (string?)r.GetTagItem("fhir.resource_type") == "Observation");
        // The audit record is written behind the answer, in its own span.
        Assert.Contains(ended, a => a.OperationName == "store.write" && (string?)a.GetTagItem("store.operation") == "audit");

        var forbidden = new[] { "p02", hookInstance, token, "Practitioner", "patient=" };
        foreach (var span in ended)
        {
            foreach (var (key, value) in span.TagObjects)
                Assert.False(forbidden.Any(f => value?.ToString()?.Contains(f, StringComparison.OrdinalIgnoreCase) == true),
                    $"span {span.OperationName} attribute {key}={value} holds a patient identifier or secret");
            Assert.DoesNotContain(forbidden, f => span.DisplayName.Contains(f, StringComparison.OrdinalIgnoreCase));
        }
    }
}
