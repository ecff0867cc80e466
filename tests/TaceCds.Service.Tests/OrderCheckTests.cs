using TaceCds.Rules.Pipeline;
using System.Net;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Service.Cards;
using TaceCds.Service.Evaluation;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests;

/// <summary>order-select and order-sign on tace-order-check.</summary>
public sealed class OrderCheckTests : IClassFixture<ServiceHostFixture>
{
    private const string Id = "tace-order-check";
    private readonly HttpClient _client;

    public OrderCheckTests(ServiceHostFixture fixture) => _client = fixture.Host.CreateClient();

    [Theory]
    [InlineData(HookDefinitions.OrderSelect)]
    [InlineData(HookDefinitions.OrderSign)]
    public async Task A_tace_order_for_a_patient_with_art_over_the_cut_off_gets_a_critical_card(string hook)
    {
        // p14: ART 8 before the 2nd TACE (≥ 2.5 → no further TACE, clinical-reference.md §4).
        var (response, body) = await SampleRequests.PostAsync(_client, Id, SampleRequests.Order(hook, "p14", SampleRequests.FullPrefetch("p14")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal("critical", (string?)card["indicator"]);
        Assert.Equal("Stop TACE? ART score 8 (≥ 2.5: no further TACE advised)", (string?)card["summary"]);
        Assert.Equal("at-most-one", (string?)card["selectionBehavior"]);
        var suggestions = card["suggestions"]!.AsArray();
        Assert.Equal(2, suggestions.Count);
        var delete = suggestions[0]!["actions"]![0]!;
        Assert.Equal("delete", (string?)delete["type"]);
        Assert.Equal("ServiceRequest/draft-tace-1", (string?)delete["resourceId"]);
        Assert.Null(delete["resource"]);
        var create = suggestions[1]!["actions"]![0]!;
        Assert.Equal("create", (string?)create["type"]);
        Assert.IsType<JsonObject>(create["resource"]);
        Assert.Equal("ServiceRequest", (string?)create["resource"]!["resourceType"]);
        Assert.Equal("Patient/p14", (string?)create["resource"]!["subject"]!["reference"]);
        Assert.All(card["overrideReasons"]!.AsArray(), r => Assert.False(string.IsNullOrEmpty((string?)r!["display"])));
        Assert.Contains("Sieghart", (string?)card["detail"]);
        Assert.StartsWith("https://pubmed.ncbi.nlm.nih.gov/", (string?)card["source"]!["url"]);
        Assert.Empty(CdsResponseValidator.Validate(body, serviceConventions: true));
    }

    [Fact]
    public async Task The_snomed_tace_code_is_recognised_too()
    {
        var request = SampleRequests.Order(HookDefinitions.OrderSign, "p18", system: "http://snomed.info/sct", code: "441525007");
        var (_, body) = await SampleRequests.PostAsync(_client, Id, request);
        Assert.Equal("critical", (string?)body!["cards"]![0]!["indicator"]);
    }

    [Fact]
    public async Task A_tace_order_with_no_stop_finding_gets_an_info_card()
    {
        var (response, body) = await SampleRequests.PostAsync(_client, Id, SampleRequests.Order(HookDefinitions.OrderSign, "p01"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal("info", (string?)card["indicator"]);
        Assert.StartsWith("No TACE stop criterion met.", (string?)card["summary"]);
        Assert.Null(card["suggestions"]);
    }

    [Fact]
    public async Task An_order_that_is_not_tace_gets_no_card_and_needs_no_data()
    {
        using var host = new ServiceHost(); // no data anywhere: reading the record would be a 412
        var request = SampleRequests.Order(HookDefinitions.OrderSign, "p14", system: "http://snomed.info/sct", code: "77477000"); // SNOMED CT 77477000 |CT scan|
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", body!.ToJsonString());
    }

    [Fact]
    public async Task On_order_select_only_selected_tace_orders_count()
    {
        var request = SampleRequests.Order(HookDefinitions.OrderSelect, "p14");
        request["context"]!["selections"] = new JsonArray("MedicationRequest/other");
        var (_, body) = await SampleRequests.PostAsync(_client, Id, request);
        Assert.Empty(body!["cards"]!.AsArray());
    }

    [Theory]
    [InlineData("cci-2022", "TACE refractoriness met (CCI 2022 consensus)")]
    [InlineData("jsh-2014", "TACE failure/refractoriness met (JSH-LCSGJ 2014)")]
    public async Task A_met_refractoriness_definition_stops_tace(string definition, string reason)
    {
        // The rules engine fills definitions; here an evaluator decorates the default result the way it will.
        using var host = new ServiceHost(evaluator: new DefinitionMet(definition));
        var (_, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.Order(HookDefinitions.OrderSign, "p02", SampleRequests.FullPrefetch("p02")));
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal("critical", (string?)card["indicator"]);
        Assert.Equal("Stop TACE? " + reason, (string?)card["summary"]);
    }

    [Fact]
    public async Task Cards_from_the_rules_engine_are_normalised_before_they_are_sent()
    {
        var ruleCard = new JsonObject
        {
            ["summary"] = new string('x', 200),
            ["indicator"] = "warning",
            ["detail"] = "",
            ["source"] = new JsonObject { ["label"] = "Rule pack", ["url"] = "https://example.org/rule", ["topic"] = new JsonObject { ["system"] = "https://example.org/t", ["code"] = "t" } },
            ["suggestions"] = new JsonArray(new JsonObject { ["label"] = "Do it", ["actions"] = new JsonArray(new JsonObject { ["type"] = "CREATE", ["description"] = "d", ["resource"] = """{"resourceType":"Task","id":"t1"}""" }) }),
            ["links"] = null,
        };
        using var host = new ServiceHost(evaluator: new WithCards(ruleCard));
        var (_, body) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02", SampleRequests.FullPrefetch("p02")));
        var cards = body!["cards"]!.AsArray();
        Assert.Equal(2, cards.Count);
        var card = cards[0]!;
        Assert.Equal(CdsResponseNormalizer.MaxSummaryLength, ((string)card["summary"]!).Length);
        Assert.Null(card["detail"]);
        Assert.False(card.AsObject().ContainsKey("links"));
        Assert.Equal("at-most-one", (string?)card["selectionBehavior"]);
        Assert.Equal("create", (string?)card["suggestions"]![0]!["actions"]![0]!["type"]);
        Assert.Equal("Task", (string?)card["suggestions"]![0]!["actions"]![0]!["resource"]!["resourceType"]);
        Assert.NotNull(card["uuid"]);
        Assert.NotNull(card["suggestions"]![0]!["uuid"]);
        Assert.Empty(CdsResponseValidator.Validate(body, serviceConventions: true));
    }

    [Fact]
    public async Task A_rules_engine_card_that_cannot_be_repaired_is_left_out()
    {
        var broken = new JsonObject { ["summary"] = "no source, no indicator" };
        using var host = new ServiceHost(evaluator: new WithCards(broken));
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02", SampleRequests.FullPrefetch("p02")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal(CourseSummaryCard.Topic, (string?)card["source"]!["topic"]!["code"]);
    }

    private sealed class DefinitionMet(string definition) : IPatientEvaluator
    {
        public JsonObject Evaluate(RecordInput input, DateOnly asOf)
        {
            var result = ServiceHost.ClinicalOnly.Evaluate(input, asOf);
            result["definitions"]![definition] = new JsonObject { ["status"] = "met" };
            return result;
        }
    }

    private sealed class WithCards(JsonObject card) : IPatientEvaluator
    {
        public JsonObject Evaluate(RecordInput input, DateOnly asOf)
        {
            var result = ServiceHost.ClinicalOnly.Evaluate(input, asOf);
            result["cards"] = new JsonArray(card.DeepClone());
            return result;
        }
    }
}
