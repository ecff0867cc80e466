using TaceCds.Clinical.Tests.Support;

namespace TaceCds.Clinical.Tests.Scores;

/// <summary>Issue 11 point 11: the before-first-TACE Child-Pugh and ALBI stand on their own, not on ART's inputs.</summary>
public class LiverFunctionBeforeFirstTaceTests
{
    [Fact]
    public void Given_A5_before_the_1st_TACE_and_B8_now_with_AST_never_drawn_then_both_are_published_and_ART_is_not_needed()
    {
        // 2025-03-09: bilirubin 18 (1), albumin 40 (1), INR 1.1 (1), none, none → 5 (A).
        // 2025-05-20: bilirubin 40 (2), albumin 30 (2), INR 1.1 (1), ascites mild (2), none (1) → 8 (B). No AST anywhere.
        var scored = RecordBuilder.For()
            .LiverPanel("2025-03-09", bilirubin: 18m, albumin: 40m)
            .Tace("2025-03-10")
            .LiverPanel("2025-05-20", bilirubin: 40m, albumin: 30m, ascites: "mild", idPrefix: "now-")
            .Score("2025-06-01");

        var before = scored.Scores["beforeFirstTace"]!;
        Assert.Equal("the 1st TACE on 2025-03-10", before["assessedBefore"]!.GetValue<string>());
        Assert.Equal(5, before["childPugh"]!["points"]!.GetValue<int>());
        Assert.Equal("A", before["childPugh"]!["class"]!.GetValue<string>());
        Assert.Equal(8, scored.Scores["childPugh"]!["points"]!.GetValue<int>());
        Assert.Null(scored.Scores["art"]);
        Assert.Contains("astBeforeFirstTace", scored.Missing("art"));
        // ALBI before: log10(18) × 0.66 + 40 × (−0.085) = −2.572 → grade 2.
        Assert.Equal(-2.57m, before["albi"]!["value"]!.GetValue<decimal>());
        Assert.Equal("2", before["albi"]!["grade"]!.GetValue<string>());
    }

    [Fact]
    public void Given_no_labs_before_the_1st_TACE_then_the_before_first_TACE_scores_are_not_computed_and_say_what_is_missing()
    {
        var scored = RecordBuilder.For().Tace("2025-03-10").LiverPanel("2025-05-20", bilirubin: 18m, albumin: 40m).Score("2025-06-01");

        Assert.Null(scored.Scores["beforeFirstTace"]!["childPugh"]);
        var gaps = scored.NotComputed["beforeFirstTace"]!;
        Assert.Contains("bilirubin", gaps["childPugh"]!["missing"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("albi: bilirubin, albumin", gaps["missing"]!.AsArray().Select(n => n!.GetValue<string>()));
    }
}
