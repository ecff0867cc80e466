using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TaceCds.Service.Tests;

public sealed class DiscoveryTests : IClassFixture<ServiceHostFixture>
{
    private readonly HttpClient _client;

    public DiscoveryTests(ServiceHostFixture fixture) => _client = fixture.Host.CreateClient();

    [Fact]
    public async Task Lists_course_review_on_patient_view_and_order_check_on_both_order_hooks()
    {
        var response = await _client.GetAsync("/cds-services");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var services = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["services"]!.AsArray();
        var entries = services.Select(s => ((string)s!["id"]!, (string)s["hook"]!)).ToList();
        Assert.Equal([("tace-course-review", "patient-view"), ("tace-order-check", "order-select"), ("tace-order-check", "order-sign")], entries);
        foreach (var service in services)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)service!["description"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)service["title"]));
        }
    }

    [Fact]
    public async Task The_public_base_url_path_becomes_the_path_base()
    {
        using var host = new ServiceHost(new Dictionary<string, string?> { ["TaceCds:PublicBaseUrl"] = "https://cds.example.org/tacecds" });
        var response = await host.CreateClient().GetAsync("/tacecds/cds-services");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["services"]!.AsArray().Count);
    }

    [Fact]
    public async Task Prefetch_templates_use_only_root_level_context_tokens()
    {
        var services = JsonNode.Parse(await _client.GetStringAsync("/cds-services"))!["services"]!.AsArray();
        var tokens = new Regex(@"\{\{([^}]*)\}\}");
        foreach (var service in services)
        {
            var prefetch = service!["prefetch"]!.AsObject();
            Assert.Equal("Patient/{{context.patientId}}", (string?)prefetch["patient"]);
            Assert.Equal("Observation?patient={{context.patientId}}", (string?)prefetch["observations"]);
            foreach (var (_, template) in prefetch)
            {
                foreach (Match m in tokens.Matches((string)template!))
                    Assert.Matches(@"^context\.[A-Za-z]+$", m.Groups[1].Value); // CDS Hooks 2.0.1: root-level fields only
            }
            // No template twice (cqf-ruler#487: duplicate templates broke clients).
            Assert.Equal(prefetch.Count, prefetch.Select(p => (string)p.Value!).Distinct().Count());
        }
    }
}

/// <summary>One in-memory service with the samples as local data, shared by a test class.</summary>
public sealed class ServiceHostFixture : IDisposable
{
    public ServiceHost Host { get; } = ServiceHost.WithSamples();
    public void Dispose() => Host.Dispose();
}
