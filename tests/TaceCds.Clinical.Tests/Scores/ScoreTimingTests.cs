using TaceCds.Clinical.Evaluation;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;
using TaceCds.Clinical.Tests.Support;

namespace TaceCds.Clinical.Tests.Scores;

/// <summary>
/// clinical-reference.md §4–5: HAP before the 1st TACE; "before TACE n" values are the latest drawn before that procedure,
/// time-aware on its day, within 14 days; ALBI before the 1st TACE graded unrounded by the one ALBI calculator.
/// </summary>
public class ScoreTimingTests
{
    [Fact]
    public void Given_HAP_inputs_before_the_1st_TACE_and_better_labs_after_it_then_HAP_is_scored_before_the_TACE()
    {
        // 2025-03-09: tumor 80 mm (>70: 1), AFP 500 (>400: 1), albumin 34 (<36: 1), bilirubin 18 (>17: 1) → 4, D.
        // After TACE 2025-03-10 the labs improve (albumin 40, bilirubin 10, AFP 5): HAP still reads before the TACE.
        var scored = RecordBuilder.For()
            .StagingCt("2025-03-05", count: 1, largestMm: 80m)
            .LiverPanel("2025-03-09", bilirubin: 18m, albumin: 34m).Lab(ScoreScenario.Afp, "2025-03-09", 500m, "ng/mL")
            .Tace("2025-03-10")
            .LiverPanel("2025-05-20", bilirubin: 10m, albumin: 40m, idPrefix: "after-").Lab(ScoreScenario.Afp, "2025-05-20", 5m, "ng/mL")
            .Score("2025-06-01");

        var hap = scored.Scores["hap"]!;
        Assert.Equal(4, hap["points"]!.GetValue<int>());
        Assert.Equal("D", hap["class"]!.GetValue<string>());
        Assert.Equal("the 1st TACE on 2025-03-10", hap["assessedBefore"]!.GetValue<string>());
        Assert.Equal("2025-03-09", hap["inputs"]!["albumin"]!["date"]!.GetValue<string>());
    }

    [Fact]
    public void Given_no_TACE_yet_then_HAP_is_scored_on_current_values_before_a_1st_TACE()
    {
        // Candidate for a first TACE on 2025-06-01: CT 2025-05-20 tumor 50 mm (0), AFP 10 (0), albumin 34 (1), bilirubin 18 (1) → 2, C.
        var scored = RecordBuilder.For()
            .StagingCt("2025-05-20", count: 1, largestMm: 50m)
            .LiverPanel("2025-05-25", bilirubin: 18m, albumin: 34m).Lab(ScoreScenario.Afp, "2025-05-25", 10m, "ng/mL")
            .Score("2025-06-01");

        var hap = scored.Scores["hap"]!;
        Assert.Equal(2, hap["points"]!.GetValue<int>());
        Assert.Equal("a 1st TACE (as of 2025-06-01)", hap["assessedBefore"]!.GetValue<string>());
        Assert.Null(scored.Scores["beforeFirstTace"]);
    }

    [Fact]
    public void Given_HAP_labs_drawn_37_days_before_the_1st_TACE_then_stale_and_HAP_insufficient_data()
    {
        var scored = RecordBuilder.For()
            .StagingCt("2025-03-05", count: 1, largestMm: 80m)
            .LiverPanel("2025-02-01", bilirubin: 18m, albumin: 34m).Lab(ScoreScenario.Afp, "2025-03-09", 500m, "ng/mL")
            .Tace("2025-03-10")
            .Score("2025-06-01");

        Assert.Null(scored.Scores["hap"]);
        Assert.Contains("albumin of 2025-02-01 is 37 days before the TACE of 2025-03-10 (limit 14 days)", scored.StaleReasons("hap"));
    }

    [Fact]
    public void Given_AST_drawn_after_the_1st_TACE_on_its_day_then_ART_uses_the_AST_of_the_day_before()
    {
        // TACE 2025-03-10 09:00; AST 40 on 03-09, AST 200 at 14:00 on the TACE day (post-embolization, excluded).
        var scored = RecordBuilder.For()
            .LiverPanel("2025-03-09", bilirubin: 18m, albumin: 40m).Lab(ScoreScenario.Ast, "2025-03-09", 40m, "U/L", id: "ast-before")
            .Tace("2025-03-10T09:00:00Z")
            .Lab(ScoreScenario.Ast, "2025-03-10T14:00:00Z", 200m, "U/L", id: "ast-after-tace")
            .Ct("2025-03-03", ("l1", 50m)).Ct("2025-04-21", ("l1", 30m))
            .LiverPanel("2025-05-20", bilirubin: 18m, albumin: 40m, idPrefix: "later-").Lab(ScoreScenario.Ast, "2025-05-20", 45m, "U/L")
            .Score("2025-06-01");

        var art = scored.Scores["art"]!;
        Assert.Equal("Observation/ast-before", art["inputs"]!["astBeforeFirst"]!["resource"]!.GetValue<string>());
        Assert.Equal(0m, art["components"]!["astIncrease"]!.GetValue<decimal>()); // 40 → 45 is +12.5 %
    }

    [Fact]
    public void Given_AST_drawn_at_07_00_on_the_TACE_day_and_the_TACE_at_09_00_then_it_is_the_value_before_the_1st_TACE()
    {
        var facts = RecordBuilder.For().Tace("2025-03-10T09:00:00Z").Lab(ScoreScenario.Ast, "2025-03-10T07:00:00Z", 50m, "U/L", id: "ast-morning")
            .Lab(ScoreScenario.Ast, "2025-03-10T14:00:00Z", 200m, "U/L").Facts("2025-06-01");

        var before = ClinicalSnapshot.BeforeProcedure(facts, facts.TaceSessions[0]);

        Assert.Equal("Observation/ast-morning", before.Latest(Codes.FactKind.Ast)!.Source);
    }

    [Theory]
    [InlineData("2025-03-10T07:00:00Z", "2025-03-10T09:00:00Z", true)]
    [InlineData("2025-03-10T09:00:00Z", "2025-03-10T09:00:00Z", true)]
    [InlineData("2025-03-10T14:00:00Z", "2025-03-10T09:00:00Z", false)]
    [InlineData("2025-03-10", "2025-03-10T09:00:00Z", true)]  // no time on the value: taken as pre-procedure work-up
    [InlineData("2025-03-10T14:00:00Z", "2025-03-10", true)]  // no time on the procedure
    [InlineData("2025-03-09", "2025-03-10", true)]
    [InlineData("2025-03-11", "2025-03-10", false)]
    public void Drawn_before_a_procedure_is_time_aware_on_its_day(string drawn, string performed, bool before)
    {
        var value = new ObservationFact { Kind = Codes.FactKind.Ast, Date = ScoreScenario.Day(drawn[..10]), EffectiveText = drawn, Source = "Observation/x", Number = 1m };
        var procedure = new TherapyFact { Kind = TherapyKind.Tace, Date = ScoreScenario.Day(performed[..10]), Source = "Procedure/t", PerformedText = performed };

        Assert.Equal(before, ProcedureTiming.DrawnBefore(value, procedure));
    }

    [Fact]
    public void Given_ALBI_before_the_1st_TACE_of_minus_2_59996_then_grade_2_unrounded_though_it_displays_minus_2_60()
    {
        // log10(16.3) × 0.66 + 40 × (−0.085) = −2.59996: grade 2 (> −2.60); rounded for display to −2.60, which would read grade 1.
        var scored = RecordBuilder.For().LiverPanel("2025-03-09", bilirubin: 16.3m, albumin: 40m).Tace("2025-03-10").Score("2025-06-01");

        var albi = scored.Scores["beforeFirstTace"]!["albi"]!;
        var calculator = Albi.Compute(16.3m, 40m);
        Assert.Equal("2", albi["grade"]!.GetValue<string>());
        Assert.Equal(-2.60m, albi["value"]!.GetValue<decimal>());
        Assert.Equal(calculator.Grade, albi["grade"]!.GetValue<string>());
        Assert.Equal(calculator.Rounded, albi["value"]!.GetValue<decimal>());
    }
}
