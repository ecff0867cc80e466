using System.Text.Json.Nodes;
using TaceCds.Rules.Pipeline;
using TaceCds.Service.Cards;
using TaceCds.Service.Evaluation;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests;

/// <summary>
/// The stop-TACE decision (rules/stop-tace.yaml) through the service, relevant in time (clinical-reference.md §2
/// "Relevance in time"): p02 met CCI 2022 on its MR of 2024-07-22 after TACE on 2024-02-12, 2024-04-08 and 2024-06-03,
/// then switched to atezolizumab + bevacizumab on 2024-08-12 with no TACE since.
/// </summary>
public sealed class StopTaceDecisionTests
{
    private const string StopCard = "TACE refractoriness (CCI 2022) met: stop repeat TACE and switch treatment";

    /// <summary>The service with the bundled rule packs, evaluating as of <paramref name="asOf"/>.</summary>
    public static ServiceHost RulePacksAsOf(string asOf) => new(
        new Dictionary<string, string?> { ["TaceCds:LocalData"] = SampleRequests.SamplesFolder, ["TaceCds:AsOf"] = asOf },
        evaluator: new DefaultPatientEvaluator(PatientPipeline.Load()));

    private static async Task<JsonArray> PatientView(string asOf, string patient = "p02")
    {
        using var host = RulePacksAsOf(asOf);
        var (_, body) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, SampleRequests.PatientView(patient, SampleRequests.FullPrefetch(patient)));
        Assert.Empty(CdsResponseValidator.Validate(body, serviceConventions: true));
        return body!["cards"]!.AsArray();
    }

    private static async Task<JsonArray> OrderSign(string asOf, string system = "https://tacecds.org/fhir/CodeSystem/tacecds", string code = "tace")
    {
        using var host = RulePacksAsOf(asOf);
        var (_, body) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.OrderCheckId,
            SampleRequests.Order(HookDefinitions.OrderSign, "p02", SampleRequests.FullPrefetch("p02"), system, code));
        Assert.Empty(CdsResponseValidator.Validate(body, serviceConventions: true));
        return body!["cards"]!.AsArray();
    }

    private static string Topic(JsonNode? card) => (string)card!["source"]!["topic"]!["code"]!;

    [Fact]
    public async Task P02_as_of_2024_08_01_before_its_switch_gets_the_critical_stop_card_on_patient_view()
    {
        var cards = await PatientView("2024-08-01");
        var critical = Assert.Single(cards, c => (string?)c!["indicator"] == "critical")!;
        Assert.Equal(StopCard, (string?)critical["summary"]);
        Assert.Equal(StopTaceDecision.PackId, Topic(critical));
        // The card explains the decision: the criterion met with its values and dates, and the FHIR resources behind it.
        var detail = (string)critical["detail"]!;
        Assert.Contains("target sum 100 mm on 2024-07-22 = 125 % of the baseline 80 mm (2024-02-05) after 3 consecutive sessions", detail);
        Assert.Contains("ImagingStudy/p02-img-20240722", detail);
        Assert.Contains("Procedure/p02-tace-3", detail);
    }

    [Fact]
    public async Task P02_as_of_2026_12_01_after_its_switch_gets_no_critical_card_only_an_info_history_card()
    {
        var cards = await PatientView("2026-12-01");
        Assert.DoesNotContain(cards, c => (string?)c!["indicator"] == "critical");
        var history = Assert.Single(cards, c => Topic(c) == StopTaceDecision.PackId)!;
        Assert.Equal("info", (string?)history["indicator"]);
        Assert.Equal("History: stop-TACE criteria were met (2024-07-22); treatment changed on 2024-08-12, no TACE since", (string?)history["summary"]);
        Assert.Contains("systemic therapy (atezolizumab + bevacizumab) from 2024-08-12, no TACE since the last session on 2024-06-03", (string?)history["detail"]);
    }

    [Fact]
    public async Task An_order_sign_for_tace_for_p02_as_of_2026_12_01_is_the_decision_made_again_critical()
    {
        var card = Assert.Single(await OrderSign("2026-12-01"))!;
        Assert.Equal("critical", (string?)card["indicator"]);
        Assert.StartsWith("Stop TACE? TACE refractoriness met (CCI 2022 consensus): target sum 100 mm on 2024-07-22", (string?)card["summary"]);
        Assert.Contains("history", (string?)card["detail"]);
    }

    [Fact]
    public async Task A_deb_tace_order_for_p02_as_of_2026_12_01_gets_a_switch_warning()
    {
        var card = Assert.Single(await OrderSign("2026-12-01", code: TaceOrders.DebTaceCode))!;
        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.Contains("not a repeat", (string?)card["summary"]);
    }

    [Fact]
    public async Task Three_days_after_a_3rd_tace_the_assessment_is_due_info_and_no_warning()
    {
        // Given p01 (a responder) whose 3rd TACE was on 2024-05-06, when its chart is opened on 2024-05-09, then the CCI
        // assessment is due in the 1-3 calendar-month window (2024-06-06 to 2024-08-06): an info card, and no warning at
        // all — "not yet due" is not "missing" (clinical-reference §2 "Relevance in time").
        var cards = await PatientView("2024-05-09", "p01");
        var due = Assert.Single(cards, c => ((string)c!["summary"]!).Contains("assessment due", StringComparison.Ordinal))!;
        Assert.Equal("info", (string?)due["indicator"]);
        Assert.Equal("CCI 2022 assessment due: contrast CT/MR between 2024-06-06 and 2024-08-06 (1 to 3 months after TACE on 2024-05-06)", (string?)due["summary"]);
        Assert.DoesNotContain(cards, c => (string?)c!["indicator"] is "warning" or "critical");
    }

    [Fact]
    public async Task Three_days_after_p02s_3rd_tace_the_assessment_is_due_and_only_its_earlier_JSH_result_warns()
    {
        // p02's 3rd TACE was on 2024-06-03; as of 2024-06-06 the window (2024-07-03 to 2024-09-03) is open: the CCI result
        // is due, not missing. JSH-LCSGJ 1(i) was already met after TACE 1 and 2 (two insufficient responses), so the one
        // warning is the decision's "consider switching" — never a CCI "data missing" warning.
        var cards = await PatientView("2024-06-06");
        var due = Assert.Single(cards, c => ((string)c!["summary"]!).Contains("assessment due", StringComparison.Ordinal))!;
        Assert.Equal("info", (string?)due["indicator"]);
        Assert.Equal("CCI 2022 assessment due: contrast CT/MR between 2024-07-03 and 2024-09-03 (1 to 3 months after TACE on 2024-06-03)", (string?)due["summary"]);
        Assert.DoesNotContain(cards, c => (string?)c!["indicator"] == "warning" && Topic(c) == "cci-2022");
        Assert.DoesNotContain(cards, c => ((string)c!["summary"]!).Contains("data missing", StringComparison.Ordinal));
        var warning = Assert.Single(cards, c => (string?)c!["indicator"] == "warning")!;
        Assert.Equal("Consider switching from TACE: JSH-LCSGJ 2014 refractoriness (secondary evidence)", (string?)warning["summary"]);
        Assert.Equal(StopTaceDecision.PackId, Topic(warning));
    }
}
