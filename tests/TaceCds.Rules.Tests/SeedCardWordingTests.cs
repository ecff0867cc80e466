using System.Text.Json.Nodes;

namespace TaceCds.Rules.Tests;

/// <summary>
/// The seed packs stay within their evidence (clinical-reference.md §7): what their cards say, and what they never say.
/// </summary>
public class SeedCardWordingTests
{
    /// <summary>The one card of a pack (cards name their pack in <c>source.topic.code</c>).</summary>
    private static JsonObject Card(JsonObject facts, string pack)
    {
        var results = RulesFixture.Evaluate(RulesFixture.RepositoryRules, facts);
        Assert.Empty(results.Issues);
        return Assert.Single(results.Cards, c => (string?)c!["source"]!["topic"]!["code"] == pack)!.AsObject();
    }

    private static JsonObject ColonCancerWithLiverLesionOn(params string[] modalities) => RulesFixture.InlineFacts($$"""
        { "facts": { "otherPrimaryCancers": [ { "code": "C18.7" } ],
          "exams": [ { "date": "2025-01-01", "modality": "{{modalities[0]}}", "modalities": [ {{string.Join(", ", modalities.Select(m => $"\"{m}\""))}} ],
                       "findings": { "new-intrahepatic-lesion": { "value": true } } } ] } }
        """);

    [Fact]
    public void Given_colon_cancer_and_a_new_liver_lesion_on_pet_when_the_card_is_written_then_it_says_no_finite_lr_in_words_and_no_post_test_number()
    {
        var card = Card(ColonCancerWithLiverLesionOn("PT"), "petmr-modality");
        var text = (string)card["summary"]! + (string)card["detail"]!;

        Assert.Contains("no finite LR+ (specificity 100 % in a small sample)", (string)card["summary"]!);
        Assert.Contains("Post-test probability after a positive finding: not computed", text);
        Assert.DoesNotContain("Infinity", text);
        Assert.DoesNotContain("∞", text);
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("n/a", text);
        Assert.Contains("**Applicability:**", text);
    }

    [Fact]
    public void Given_colon_cancer_and_a_new_liver_lesion_on_pet_mr_when_the_card_is_written_then_lr_12_7_gives_post_test_58_5_84_5_and_92_7_percent()
    {
        // LR+ = 1.0 / (1 − 0.921) = 12.66 → 12.7; pre-test odds 0.1/0.9 × 12.7 = 1.411 → 58.5 %; 0.3/0.7 × 12.7 = 5.443 → 84.5 %; 12.7/13.7 = 92.7 %.
        var card = Card(ColonCancerWithLiverLesionOn("MR", "PT"), "petmr-modality");
        var detail = (string)card["detail"]!;

        Assert.Contains("pre-test 10 % → 58.5 %; 30 % → 84.5 %; 50 % → 92.7 %", detail);
        Assert.Contains("**Applicability:**", detail);
        Assert.Contains("never apply to a new nodule in a patient with HCC", detail);
        Assert.Contains("| MR (the non-contrast MR of the PET/MR protocol) |", detail);
    }

    [Fact]
    public void Given_p12_when_the_ivim_card_is_written_then_it_is_not_presented_as_cci_refractoriness()
    {
        var card = Card(RulesFixture.SampleFacts("p12"), "ivim-resistance-2026");
        var detail = (string)card["detail"]!;

        Assert.EndsWith("not CCI refractoriness", (string)card["summary"]!);
        Assert.Contains("The abstract does not define \"TACE resistance\"", detail);
        Assert.Contains("**not** a prediction of TACE refractoriness as the CCI 2022", detail);
        Assert.Contains("within the 28 days before it (2024-05-13 to 2024-06-09", detail);
        Assert.DoesNotContain("refractory", (string)card["summary"]!);
    }

    [Fact]
    public void Given_p12_when_the_ct_perfusion_card_is_written_then_it_is_information_only_without_hap_or_a_quoted_auc()
    {
        var card = Card(RulesFixture.SampleFacts("p12"), "ctp-residual-2025");
        var text = (string)card["summary"]! + "\n" + (string)card["detail"]!;
        var model = RulesFixture.Evaluate(RulesFixture.RepositoryRules, RulesFixture.SampleFacts("p12")).Models["ctp-residual-2025"]!.AsArray().Single()!;

        Assert.Equal("info", (string?)card["indicator"]);
        Assert.Contains("hepatic arterial perfusion 45.2 → 58.6", text);
        Assert.Contains("perfusion start time", text);
        Assert.Contains("**Information only.**", text);
        Assert.DoesNotContain("HAP", text);
        Assert.DoesNotContain("AUC", text);
        Assert.DoesNotContain("time to peak", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AUC", (string)model["performance"]!);
        Assert.Null(model["hap"]);
    }
}
