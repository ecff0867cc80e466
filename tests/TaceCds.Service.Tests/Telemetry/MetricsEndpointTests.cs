using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TaceCds.Service.Trust;

namespace TaceCds.Service.Tests.Telemetry;

/// <summary>Issue 14: <c>GET /metrics</c> in Prometheus text, with hook calls, cards, FHIR reads, audit queue and store writes.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsEndpointTests
{
    private static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusSample.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task After_one_patient_view_for_p02_the_hook_call_and_each_of_its_cards_are_counted()
    {
        await using var host = ServiceHost.WithSamples();
        var client = host.CreateClient();
        var (response, body) = await SampleRequests.PostAsync(client, "tace-course-review", SampleRequests.PatientView("p02"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = body!["cards"]!.AsArray();
        Assert.NotEmpty(cards);

        var samples = await ScrapeAsync(client);
        var calls = Assert.Single(PrometheusSample.Where(samples, "tacecds_hook_calls_total", ("service", "tace-course-review"), ("hook", "patient-view"), ("status", "200")));
        Assert.Equal(1, calls.Value);
        var latency = Assert.Single(PrometheusSample.Where(samples, "tacecds_hook_duration_seconds_count", ("service", "tace-course-review"), ("status", "200")));
        Assert.Equal(1, latency.Value);
        foreach (var indicator in cards.Select(c => (string)c!["indicator"]!).Distinct())
        {
            var counted = PrometheusSample.Where(samples, "tacecds_cards_total", ("service", "tace-course-review"), ("indicator", indicator)).Sum(s => s.Value);
            Assert.Equal(cards.Count(c => (string)c!["indicator"]! == indicator), counted);
        }
        // The rule label is the card's source.topic.code, never a patient value.
        var rules = cards.Select(c => (string?)c!["source"]?["topic"]?["code"] ?? "none").ToHashSet();
        Assert.All(PrometheusSample.Where(samples, "tacecds_cards_total"), s => Assert.Contains(s.Labels["rule"], rules));
    }

    [Fact]
    public async Task A_refused_call_is_counted_with_its_status_and_an_unknown_hook_as_other()
    {
        await using var host = ServiceHost.WithSamples();
        var client = host.CreateClient();
        var request = SampleRequests.PatientView("p02");
        request["hook"] = "x-invented-hook-p02";
        var (response, _) = await SampleRequests.PostAsync(client, "tace-course-review", request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var samples = await ScrapeAsync(client);
        var refused = Assert.Single(PrometheusSample.Where(samples, "tacecds_hook_calls_total", ("status", "400")));
        Assert.Equal(("tace-course-review", "other", 1.0), (refused.Labels["service"], refused.Labels["hook"], refused.Value));
        Assert.DoesNotContain(samples, s => s.Labels.Values.Any(v => v.Contains("x-invented", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FHIR_reads_are_counted_by_resource_type_and_a_500_on_Observation_as_an_error()
    {
        var fhir = new SampleFhirServer();
        fhir.Failing["Observation"] = HttpStatusCode.InternalServerError;
        await using var host = new ServiceHost(new Dictionary<string, string?>
        {
            ["TaceCds:FhirServer:BaseUrl"] = "https://fhir.example.org/r4",
            ["TaceCds:FhirClient:MaxRetries"] = "0",
        }, fhirHandler: fhir);
        var client = host.CreateClient();
        var (response, _) = await SampleRequests.PostAsync(client, "tace-course-review", SampleRequests.PatientView("p02"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode); // a failed read is a 412 (docs/configuration.md)

        var samples = await ScrapeAsync(client);
        Assert.Equal(fhir.Requests, PrometheusSample.Where(samples, "tacecds_fhir_reads_total").Sum(s => s.Value));
        Assert.Equal(1, Assert.Single(PrometheusSample.Where(samples, "tacecds_fhir_reads_total", ("resource_type", "Observation"), ("outcome", "error"))).Value);
        Assert.Equal(1, Assert.Single(PrometheusSample.Where(samples, "tacecds_fhir_read_errors_total", ("resource_type", "Observation"), ("error", "http_500"))).Value);
        Assert.Equal(1, Assert.Single(PrometheusSample.Where(samples, "tacecds_fhir_reads_total", ("resource_type", "Patient"), ("outcome", "ok"))).Value);
        Assert.Equal(1, Assert.Single(PrometheusSample.Where(samples, "tacecds_hook_calls_total", ("status", "412"))).Value);
    }

    [Fact]
    public async Task Once_the_audit_of_a_call_is_written_the_queue_is_0_and_the_store_write_is_timed()
    {
        await using var host = ServiceHost.WithSamples();
        var client = host.CreateClient();
        await SampleRequests.PostAsync(client, "tace-course-review", SampleRequests.PatientView("p02"));
        await host.Services.GetRequiredService<HookCallAudit>().FlushAsync(TimeSpan.FromSeconds(30));

        var samples = await ScrapeAsync(client);
        Assert.Equal(0, Assert.Single(PrometheusSample.Where(samples, "tacecds_audit_queue_depth")).Value);
        var writes = Assert.Single(PrometheusSample.Where(samples, "tacecds_store_write_duration_seconds_count", ("operation", "audit"), ("outcome", "ok")));
        Assert.True(writes.Value >= 1, $"{writes.Value} audit writes timed");
    }

    [Fact]
    public async Task Metrics_and_health_need_no_client_JWT_while_the_services_do()
    {
        await using var host = new ServiceHost(new Dictionary<string, string?> { ["TaceCds:Auth:Enabled"] = "true" });
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/cds-services")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
