using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TaceCds.Service.Hooks;
using TaceCds.Service.Hosting;
using TaceCds.Testing;

namespace TaceCds.Service.Tests;

/// <summary>
/// Issue 18, done-when 1, in the service: <c>TaceCds:Terminology:Paths</c> names the site's ValueSet folder. p02 with its
/// TACE Procedures coded only with a local order code evaluates like the original p02 once the site's ValueSet adds
/// that code, and the order check then recognises a draft order with that code. The service here runs as deployed:
/// its own pipeline (rule packs and terminology from configuration), no evaluator swapped in.
/// </summary>
public sealed class SiteTerminologyTests : IDisposable
{
    private readonly string _site = LocalTerminology.SiteFolderWithLocalTaceCode();
    private readonly string _recodedData = Path.Combine(Path.GetTempPath(), "tacecds-recoded-" + Guid.NewGuid().ToString("N"));
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"tacecds-term-{Guid.NewGuid():N}.db");

    public SiteTerminologyTests()
    {
        Directory.CreateDirectory(_recodedData);
        File.WriteAllText(Path.Combine(_recodedData, "p02.json"), LocalTerminology.P02WithLocalTaceCodes(out _));
    }

    [Fact]
    public async Task Given_the_site_value_set_then_recoded_p02_gets_the_same_course_review_cards_as_the_original()
    {
        using var original = Host(SampleRequests.SamplesFolder, terminology: null);
        using var withSite = Host(_recodedData, _site);
        using var withoutSite = Host(_recodedData, terminology: null);

        var expected = await CourseReview(original);
        var recodedWithSite = await CourseReview(withSite);
        var recodedWithout = await CourseReview(withoutSite);

        Assert.Contains("TACE course: 3 sessions, last 2024-06-03", expected);
        Assert.Equal(expected, recodedWithSite);
        Assert.NotEqual(expected, recodedWithout);
        Assert.DoesNotContain("TACE course: 3 sessions", recodedWithout);
    }

    [Fact]
    public async Task A_draft_order_with_the_local_code_gets_a_card_only_when_the_site_value_set_adds_it()
    {
        using var withSite = Host(SampleRequests.SamplesFolder, _site);
        using var withoutSite = Host(SampleRequests.SamplesFolder, terminology: null);
        var request = SampleRequests.Order(HookDefinitions.OrderSign, "p02", system: LocalTerminology.LocalSystem, code: LocalTerminology.LocalTaceCode);

        var (recognised, cards) = await SampleRequests.PostAsync(withSite.CreateClient(), ServiceCatalog.OrderCheckId, request);
        var (unknown, none) = await SampleRequests.PostAsync(withoutSite.CreateClient(), ServiceCatalog.OrderCheckId, request);

        Assert.Equal(HttpStatusCode.OK, recognised.StatusCode);
        Assert.Single(cards!["cards"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal("""{"cards":[]}""", none!.ToJsonString());
    }

    [Fact]
    public async Task Discovery_names_the_value_set_the_order_check_matches()
    {
        using var host = Host(SampleRequests.SamplesFolder, terminology: null);
        var discovery = JsonNode.Parse(await host.CreateClient().GetStringAsync("/cds-services"))!;
        var orderChecks = discovery["services"]!.AsArray().Where(s => (string?)s!["id"] == ServiceCatalog.OrderCheckId).ToList();
        Assert.Equal(2, orderChecks.Count);
        Assert.All(orderChecks, s => Assert.Contains("https://tacecds.org/fhir/ValueSet/tace-procedure", (string?)s!["description"]));
    }

    [Fact]
    public void A_site_file_with_a_code_in_two_lab_kinds_refuses_the_start_with_TERM104_and_the_file()
    {
        var bad = Path.Combine(_site, "afp.json");
        File.WriteAllText(bad, LocalTerminology.SiteValueSet("https://tacecds.org/fhir/ValueSet/lab-afp", "http://loinc.org", "1742-6"));

        var refused = Assert.Throws<StartupRefusedException>(() =>
            Program.Build(["--TaceCds:Store=sqlite:" + _store, "--TaceCds:Auth:Enabled=false", "--TaceCds:Terminology:Paths=" + _site]));

        Assert.Contains("TERM104", refused.Message);
        Assert.Contains(bad, refused.Message);
        Assert.Contains("compose.include[0].concept[0]", refused.Message);
    }

    private async Task<string> CourseReview(WebApplicationFactory<Program> host)
    {
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SampleRequests.CardsWithoutUuids(body);
    }

    private SiteHost Host(string data, string? terminology) => new(new Dictionary<string, string?>
    {
        ["TaceCds:AsOf"] = ServiceHost.SamplesAsOf,
        ["TaceCds:Auth:Enabled"] = "false",
        ["TaceCds:Store"] = $"sqlite:{_store}-{Guid.NewGuid():N}",
        ["TaceCds:LocalData"] = data,
        ["TaceCds:Terminology:Paths"] = terminology,
    });

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_site, recursive: true);
        Directory.Delete(_recodedData, recursive: true);
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_store) + "*"))
            try { File.Delete(file); } catch (IOException) { }
    }

    /// <summary>The service with settings only: its own PatientPipeline, as <c>tacecds serve</c> builds it.</summary>
    private sealed class SiteHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
