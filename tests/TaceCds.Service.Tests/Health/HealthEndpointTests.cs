using System.Net;
using System.Text.Json.Nodes;
using TaceCds.Service.Tests.Telemetry;

namespace TaceCds.Service.Tests.Health;

/// <summary>Issue 14: <c>/health/live</c> and <c>/health/ready</c> — checks, statuses and a body without secrets.</summary>
public sealed class HealthEndpointTests
{
    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    private static JsonObject Check(JsonObject body, string name) =>
        Assert.Single(body["checks"]!.AsArray(), c => (string)c!["name"]! == name)!.AsObject();

    [Fact]
    public async Task Live_is_200_Healthy_and_runs_no_check()
    {
        await using var host = ServiceHost.WithSamples();
        var (status, body) = await GetAsync(host.CreateClient(), "/health/live");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string)body["status"]!);
        Assert.Empty(body["checks"]!.AsArray());
    }

    [Fact]
    public async Task Ready_reports_the_store_schema_and_the_number_of_rule_packs_loaded()
    {
        await using var host = ServiceHost.WithSamples();
        var (status, body) = await GetAsync(host.CreateClient(), "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string)body["status"]!);
        Assert.Matches(@"^sqlite store, schema \d+$", (string)Check(body, "store")["description"]!);
        var packs = Directory.GetFiles(SampleRequests.SamplesFolder.Replace("samples", "rules"), "*.yaml").Length;
        Assert.Equal($"{packs} rule packs loaded", (string)Check(body, "rulePacks")["description"]!);
        Assert.DoesNotContain(body["checks"]!.AsArray(), c => (string)c!["name"]! == "fhirServer"); // not asked for
    }

    [Fact]
    public async Task Ready_is_503_when_the_store_loses_its_schema_after_start_up_and_says_so_without_the_path()
    {
        var store = Path.Combine(Path.GetTempPath(), $"tacecds-ready-{Guid.NewGuid():N}.db");
        await using var host = new ServiceHost(new Dictionary<string, string?> { ["TaceCds:Store"] = "sqlite:" + store });
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/ready")).Status);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(store + suffix); // a fresh, empty file opens next time

        var (status, body) = await GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", (string)body["status"]!);
        Assert.Equal("Unhealthy", (string)Check(body, "store")["status"]!);
        Assert.Equal("Healthy", (string)Check(body, "rulePacks")["status"]!);
        Assert.DoesNotContain(store, body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/live")).Status); // the process itself is fine
    }

    [Fact]
    public async Task A_configured_FHIR_server_answering_metadata_is_Healthy_and_a_failing_one_only_Degraded()
    {
        var fhir = new SampleFhirServer();
        var settings = new Dictionary<string, string?>
        {
            ["TaceCds:FhirServer:BaseUrl"] = "https://fhir.example.org/r4",
            ["TaceCds:Health:CheckFhirServer"] = "true",
        };
        await using var host = new ServiceHost(settings, fhirHandler: fhir);
        var client = host.CreateClient();
        var (status, body) = await GetAsync(client, "/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (status, (string)Check(body, "fhirServer")["status"]!));

        fhir.Failing["metadata"] = HttpStatusCode.BadGateway;
        (status, body) = await GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status); // calls with prefetch are still answered: stay in the balancer
        Assert.Equal("Degraded", (string)body["status"]!);
        Assert.Equal(("Degraded", "FHIR server /metadata answered HTTP 502"),
            ((string)Check(body, "fhirServer")["status"]!, (string)Check(body, "fhirServer")["description"]!));
    }
}
