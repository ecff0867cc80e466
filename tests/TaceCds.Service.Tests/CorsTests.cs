using System.Net;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests;

/// <summary>CORS for browser clients (the CDS Hooks sandbox): preflight and headers on every endpoint, errors included.</summary>
public sealed class CorsTests : IClassFixture<ServiceHostFixture>
{
    private const string Origin = "https://sandbox.cds-hooks.org";
    private readonly HttpClient _client;

    public CorsTests(ServiceHostFixture fixture) => _client = fixture.Host.CreateClient();

    [Theory]
    [InlineData("/cds-services", "GET")]
    [InlineData("/cds-services/tace-course-review", "POST")]
    [InlineData("/cds-services/tace-order-check", "POST")]
    public async Task Preflight_allows_get_post_options_with_content_type_and_authorization(string path, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type,authorization");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal(["GET", "OPTIONS", "POST"], Header(response, "Access-Control-Allow-Methods").Split(',').Select(m => m.Trim()).Order());
        Assert.Equal(["authorization", "content-type"], Header(response, "Access-Control-Allow-Headers").Split(',').Select(h => h.Trim().ToLowerInvariant()).Order());
    }

    [Fact]
    public async Task Answers_carry_the_allow_origin_header_on_success_and_on_error()
    {
        foreach (var (service, body) in new[] { (ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02")), ("nope", SampleRequests.PatientView("p02")) })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/" + service) { Content = SampleRequests.Json(body) };
            request.Headers.Add("Origin", Origin);
            var response = await _client.SendAsync(request);
            Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        }
        var get = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        get.Headers.Add("Origin", Origin);
        Assert.Equal("*", Header(await _client.SendAsync(get), "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Configured_origins_replace_the_wildcard()
    {
        using var host = new ServiceHost(new Dictionary<string, string?> { ["TaceCds:Cors:Origins"] = "https://ehr.example.org" });
        var client = host.CreateClient();
        var allowed = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        allowed.Headers.Add("Origin", "https://ehr.example.org");
        Assert.Equal("https://ehr.example.org", Header(await client.SendAsync(allowed), "Access-Control-Allow-Origin"));
        var other = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        other.Headers.Add("Origin", "https://elsewhere.example.org");
        Assert.False((await client.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
