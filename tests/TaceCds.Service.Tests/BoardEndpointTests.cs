using System.Net;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Tests;

/// <summary><c>GET /board/{patientId}</c>: one patient's tumor-board page from the service's data source.</summary>
public sealed class BoardEndpointTests : IClassFixture<RulePackCardsTests.Host>
{
    private readonly HttpClient _client;

    public BoardEndpointTests(RulePackCardsTests.Host host) => _client = host.Service.CreateClient();

    [Fact]
    public async Task A_sample_patient_gets_a_self_contained_page_with_its_verdicts()
    {
        var response = await _client.GetAsync("/board/p02");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-patient=\"Patient/p02\"", html);
        Assert.Contains("TACE refractoriness (CCI 2022)", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Patient_text_is_encoded()
    {
        var html = await _client.GetStringAsync("/board/p10");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task An_unknown_patient_is_404_with_an_OperationOutcome()
    {
        var response = await _client.GetAsync("/board/nobody");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("OperationOutcome", body["resourceType"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_patient_id_is_400()
    {
        var response = await _client.GetAsync("/board/a%20b");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
