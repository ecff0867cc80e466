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
    public async Task A_tace_order_for_a_patient_with_art_over_the_cut_off_gets_a_warning_card(string hook)
    {
        // p14: ART 8 and ABCR 5 before the 2nd TACE, JSH met: the stop-TACE decision is met at warning level
        // (clinical-reference.md §2 "The stop-TACE decision": ART >= 2.5, ABCR >= 4, JSH → warning; until issue 12 this was critical).
        using var host = ServiceHost.WithRulePacks();
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.Order(hook, "p14", SampleRequests.FullPrefetch("p14")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.StartsWith("Consider switching from TACE? ", (string?)card["summary"]);
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
        Assert.Contains("ART score 8 (≥ 2.5: no further TACE advised)", (string?)card["detail"]);
        Assert.Contains("ABCR score 5 (≥ 4: no further TACE advised)", (string?)card["detail"]);
        Assert.Contains("Sieghart", (string?)card["detail"]);
        // No PubMed record or DOI was verified for the cited consensus (docs/citations.md): no search link, the detail says so.
        Assert.Null(card["source"]!["url"]);
        Assert.Contains("(no verified link)", (string?)card["detail"]);
        Assert.Empty(CdsResponseValidator.Validate(body, serviceConventions: true));
    }

    [Fact]
    public async Task The_snomed_tace_code_is_recognised_too()
    {
        using var host = DecidedHost(new Decided("met", "critical"));
        var request = SampleRequests.Order(HookDefinitions.OrderSign, "p18", system: "http://snomed.info/sct", code: "441525007");
        var (_, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, request);
        Assert.Equal("critical", (string?)body!["cards"]![0]!["indicator"]);
    }

    [Fact]
    public async Task A_tace_order_with_the_decision_not_met_gets_an_info_card()
    {
        using var host = DecidedHost(new Decided("not-met", null));
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.Order(HookDefinitions.OrderSign, "p01"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal("info", (string?)card["indicator"]);
        Assert.StartsWith("No TACE stop criterion met.", (string?)card["summary"]);
        Assert.Null(card["suggestions"]);
    }

    [Fact]
    public async Task A_tace_order_with_the_decision_lacking_data_never_says_no_criterion_met()
    {
        using var host = DecidedHost(new Decided("insufficient-data", null));
        var (_, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.Order(HookDefinitions.OrderSign, "p01"));
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal("info", (string?)card["indicator"]);
        Assert.StartsWith("TACE stop criteria not all decidable: data missing.", (string?)card["summary"]);
        Assert.Contains("a given gap", (string?)card["detail"]);
    }

    [Fact]
    public async Task Without_the_decision_pack_the_order_check_says_the_decision_is_not_available()
    {
        var (_, body) = await SampleRequests.PostAsync(_client, Id, SampleRequests.Order(HookDefinitions.OrderSign, "p01"));
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal("info", (string?)card["indicator"]);
        Assert.StartsWith("The stop-TACE decision is not available", (string?)card["summary"]);
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
    [InlineData("critical", "Stop TACE? ")]
    [InlineData("warning", "Consider switching from TACE? ")]
    public async Task The_order_card_takes_its_urgency_and_reason_from_the_stop_tace_pack(string indicator, string prefix)
    {
        using var host = DecidedHost(new Decided("met", indicator));
        var (_, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, SampleRequests.Order(HookDefinitions.OrderSign, "p02", SampleRequests.FullPrefetch("p02")));
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal(indicator, (string?)card["indicator"]);
        Assert.Equal(prefix + "a given reason of 2024-07-22", (string?)card["summary"]);
        Assert.Equal("https://example.org/given-citation", (string?)card["source"]!["url"]);
        Assert.Contains("Given citation", (string?)card["detail"]);
    }

    [Theory]
    [InlineData("https://tacecds.org/fhir/CodeSystem/tacecds", "deb-tace", null)]
    [InlineData("http://snomed.info/sct", "441525007", "DEB-TACE, right lobe")]
    [InlineData("http://snomed.info/sct", "441525007", "TACE with drug-eluting beads")]
    public async Task A_deb_tace_order_when_the_decision_is_met_is_a_switch_warning_not_the_critical_card(string system, string code, string? text)
    {
        using var host = DecidedHost(new Decided("met", "critical"));
        var request = SampleRequests.Order(HookDefinitions.OrderSign, "p02", system: system, code: code);
        if (text is not null) request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["code"]!["text"] = text;
        var (_, body) = await SampleRequests.PostAsync(host.CreateClient(), Id, request);
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.Contains("a switch to an option the CCI 2022 consensus names, not a repeat", (string?)card["summary"]);
        Assert.Empty(CdsResponseValidator.Validate(body, serviceConventions: true));
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

    private static ServiceHost DecidedHost(Decided evaluator) =>
        new(new Dictionary<string, string?> { ["TaceCds:LocalData"] = SampleRequests.SamplesFolder }, evaluator: evaluator);

    /// <summary>The clinical evaluation plus a stop-tace result as the pack would give it (one criterion, given status and indicator).</summary>
    private sealed class Decided(string status, string? indicator) : IPatientEvaluator
    {
        public JsonObject Evaluate(RecordInput input, DateOnly asOf)
        {
            var result = ServiceHost.ClinicalOnly.Evaluate(input, asOf);
            var criterion = new JsonObject
            {
                ["status"] = indicator is null ? (status == "met" ? "not-met" : status) : "met",
                ["title"] = "A given criterion",
                ["reason"] = status == "insufficient-data" ? "a given gap" : "a given reason of 2024-07-22",
                ["citation"] = new JsonObject { ["text"] = "Given citation", ["url"] = "https://example.org/given-citation" },
            };
            if (indicator is not null) criterion["indicator"] = indicator;
            result["definitions"]![StopTaceDecision.PackId] = new JsonObject
            {
                ["status"] = status,
                ["criteria"] = new JsonObject { ["given"] = criterion },
                ["rule"] = new JsonObject { ["citation"] = new JsonObject { ["text"] = "Pack citation", ["url"] = "https://example.org/pack" } },
            };
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
