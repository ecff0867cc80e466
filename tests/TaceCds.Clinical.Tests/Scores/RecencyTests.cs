using TaceCds.Clinical.Evaluation;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Tests.Support;

namespace TaceCds.Clinical.Tests.Scores;

/// <summary>clinical-reference.md §5 "Recency": a stale input makes the score insufficient data, never computed as current.</summary>
public class RecencyTests
{
    [Fact]
    public void Given_albumin_drawn_45_days_ago_when_scoring_now_then_stale_value_and_insufficient_data()
    {
        // asOf 2025-06-01; albumin 2025-04-17 is 45 days old (limit 30); the rest of the panel is 12 days old.
        var scored = RecordBuilder.For()
            .Lab(ScoreScenario.BilirubinUmol, "2025-05-20", 18m, "umol/L")
            .Lab(ScoreScenario.Albumin, "2025-04-17", 40m, "g/L", id: "alb-old")
            .Lab(ScoreScenario.Inr, "2025-05-20", 1.1m, "{INR}")
            .Status("2025-05-20")
            .Score("2025-06-01");

        Assert.Null(scored.Scores["childPugh"]);
        Assert.Null(scored.Scores["albi"]);
        Assert.Contains("albumin", scored.Missing("childPugh"));
        Assert.Equal(["albumin of 2025-04-17 is 45 days before 2025-06-01 (limit 30 days)"], scored.StaleReasons("childPugh"));
        Assert.Equal(["albumin of 2025-04-17 is 45 days before 2025-06-01 (limit 30 days)"], scored.StaleReasons("albi"));
        var issue = Assert.Single(scored.Stale);
        Assert.Equal("Observation/alb-old", issue.Resource);
        Assert.Equal("albumin of 2025-04-17 is 45 days before 2025-06-01 (limit 30 days); not used", issue.Message);
        Assert.Equal(DataIssue.Warning, issue.Severity);
    }

    [Fact]
    public void Given_the_panel_drawn_30_days_before_asOf_then_it_is_current_and_Child_Pugh_is_5()
    {
        var scored = RecordBuilder.For().LiverPanel("2025-05-02", bilirubin: 18m, albumin: 40m).Score("2025-06-01");

        Assert.Equal(5, scored.Scores["childPugh"]!["points"]!.GetValue<int>());
        Assert.Equal("inputs ≤ 30 days old on 2025-06-01", scored.Scores["childPugh"]!["recency"]!.GetValue<string>());
        Assert.Empty(scored.Stale);
    }

    [Fact]
    public void Given_labs_drawn_before_the_latest_TACE_then_not_current()
    {
        // Panel 2025-05-10, TACE 2025-05-15, asOf 2025-06-01: 22 days old, but from before the embolization.
        var scored = RecordBuilder.For().LiverPanel("2025-05-10", bilirubin: 18m, albumin: 40m).Tace("2025-05-15").Score("2025-06-01");

        Assert.Null(scored.Scores["childPugh"]);
        Assert.Contains("bilirubin of 2025-05-10 is from before the latest liver-directed procedure (TACE 2025-05-15) and is not current",
            scored.StaleReasons("childPugh"));
        Assert.Equal("inputs ≤ 30 days old on 2025-06-01, after the latest liver-directed procedure (TACE 2025-05-15)",
            scored.NotComputed["childPugh"]!["recency"]!.GetValue<string>());
    }

    [Fact]
    public void Given_labs_before_an_ablation_that_ended_the_course_then_not_current()
    {
        var scored = RecordBuilder.For().Tace("2025-03-01").LiverPanel("2025-05-10", bilirubin: 18m, albumin: 40m)
            .Therapy("ablation", "2025-05-12").Score("2025-06-01");

        Assert.Null(scored.Scores["childPugh"]);
        Assert.Contains("albumin of 2025-05-10 is from before the latest liver-directed procedure (ablation 2025-05-12) and is not current",
            scored.StaleReasons("childPugh"));
    }

    [Fact]
    public void Given_labs_drawn_on_the_TACE_day_after_its_time_then_current_now()
    {
        // TACE 2025-05-15 09:00, labs 15:00 the same day: drawn after the embolization, so current.
        var scored = RecordBuilder.For().Tace("2025-05-15T09:00:00Z").LiverPanel("2025-05-15T15:00:00Z", bilirubin: 18m, albumin: 40m)
            .Score("2025-06-01");

        Assert.Equal(5, scored.Scores["childPugh"]!["points"]!.GetValue<int>());
    }

    [Fact]
    public void Given_a_reported_Child_Pugh_score_61_days_old_and_no_components_then_it_is_stale_and_not_used()
    {
        var scored = RecordBuilder.For().Integer(TaceCds.Fhir.Terminology.CodeSystems.TaceCds, "child-pugh-score", "2025-04-01", 6)
            .Score("2025-06-01");

        Assert.Null(scored.Scores["childPugh"]);
        Assert.Equal(["reported Child-Pugh score of 2025-04-01 is 61 days before 2025-06-01 (limit 30 days)"], scored.StaleReasons("childPugh"));
    }

    [Fact]
    public void Given_labs_45_days_old_and_a_60_day_lab_limit_configured_then_current()
    {
        var record = RecordBuilder.For().LiverPanel("2025-04-17", bilirubin: 18m, albumin: 40m);

        var scored = record.Score("2025-06-01", new RecencyOptions { LabDays = 60, ClinicalStatusDays = 60 });

        Assert.Equal(5, scored.Scores["childPugh"]!["points"]!.GetValue<int>());
        Assert.Equal("inputs ≤ 60 days old on 2025-06-01", scored.Scores["childPugh"]!["recency"]!.GetValue<string>());
    }

    [Fact]
    public void Given_staging_CT_29_days_old_then_up_to_seven_is_stale_with_the_28_day_limit()
    {
        var scored = RecordBuilder.For().StagingCt("2025-05-03", count: 2, largestMm: 40m).Score("2025-06-01");

        Assert.Null(scored.Scores["upToSeven"]);
        Assert.Contains("tumor count of 2025-05-03 is 29 days before 2025-06-01 (limit 28 days)", scored.StaleReasons("upToSeven"));
        var current = RecordBuilder.For().StagingCt("2025-05-04", count: 2, largestMm: 40m).Score("2025-06-01");
        Assert.Equal(6m, current.Scores["upToSeven"]!["value"]!.GetValue<decimal>());
    }

    [Fact]
    public void Given_the_newest_NLR_pair_45_days_old_then_NLR_is_stale()
    {
        var scored = RecordBuilder.For()
            .Lab("751-8", "2025-04-17", 4.2m, "10*9/L").Lab("731-0", "2025-04-17", 1.4m, "10*9/L")
            .Score("2025-06-01");

        Assert.Null(scored.Scores["nlr"]);
        Assert.Equal(["neutrophils of 2025-04-17 is 45 days before 2025-06-01 (limit 30 days)"], scored.StaleReasons("nlr"));
    }

    [Fact]
    public void Given_ascites_and_encephalopathy_stale_but_maximum_Child_Pugh_9_then_CNLC_is_decided_as_Ia()
    {
        // Bilirubin 18 (1), albumin 40 (1), INR 1.1 (1) current; ascites and encephalopathy 45 days old count as 3 each: max 9, not C.
        var scored = RecordBuilder.For()
            .Lab(ScoreScenario.BilirubinUmol, "2025-05-20", 18m, "umol/L").Lab(ScoreScenario.Albumin, "2025-05-20", 40m, "g/L")
            .Lab(ScoreScenario.Inr, "2025-05-20", 1.1m, "{INR}").Status("2025-04-17")
            .Integer(TaceCds.Fhir.Terminology.CodeSystems.Loinc, ScoreScenario.Ecog, "2025-05-20", 0)
            .StagingCt("2025-05-20", count: 1, largestMm: 40m)
            .Score("2025-06-01");

        Assert.Null(scored.Scores["childPugh"]);
        Assert.Equal("Ia", scored.Scores["cnlc"]!["stage"]!.GetValue<string>());
        Assert.Equal("not C: at most 9 points with each missing or stale component counted as 3", scored.Scores["cnlc"]!["childPugh"]!.GetValue<string>());
    }

    [Fact]
    public void Given_ascites_and_encephalopathy_stale_and_bilirubin_60_then_Child_Pugh_could_be_C_and_CNLC_is_not_decided()
    {
        // Bilirubin 60 µmol/L (3) + 1 + 1 + stale 3 + 3 = 11: class C cannot be ruled out.
        var scored = RecordBuilder.For()
            .Lab(ScoreScenario.BilirubinUmol, "2025-05-20", 60m, "umol/L").Lab(ScoreScenario.Albumin, "2025-05-20", 40m, "g/L")
            .Lab(ScoreScenario.Inr, "2025-05-20", 1.1m, "{INR}").Status("2025-04-17")
            .Integer(TaceCds.Fhir.Terminology.CodeSystems.Loinc, ScoreScenario.Ecog, "2025-05-20", 0)
            .StagingCt("2025-05-20", count: 1, largestMm: 40m)
            .Score("2025-06-01");

        Assert.Null(scored.Scores["cnlc"]);
        Assert.Contains("childPughClass", scored.Missing("cnlc"));
    }
}
