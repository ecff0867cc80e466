using TaceCds.Clinical.Scores;
using TaceCds.Clinical.Tests.Support;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

/// <summary>clinical-reference.md §5: bilirubin is graded in the unit the lab reported it; PT prolongation stands in for INR.</summary>
public class ChildPughReportedUnitTests
{
    [Theory]
    [InlineData("1.99", 1)]
    [InlineData("2.0", 2)]   // boundary belongs to the middle band
    [InlineData("3.0", 2)]   // 3 mg/dL is 51.3 µmol/L (3 points on the SI scale), but 2 points on the scale it was reported in
    [InlineData("3.01", 3)]
    public void Given_bilirubin_in_mg_per_dL_when_graded_then_points_on_the_mg_scale(string mgPerDl, int points) =>
        Assert.Equal(points, ChildPugh.BilirubinPoints(new LabQuantity(D(mgPerDl), "mg/dL")));

    [Fact]
    public void Given_bilirubin_2_0_mg_per_dL_when_graded_then_2_points_on_the_mg_scale() =>
        Assert.Equal(2, ChildPugh.BilirubinPoints(new LabQuantity(2.0m, LabQuantity.MilligramPerDeciliter)));

    [Theory]
    [InlineData("33.9", 1)]
    [InlineData("34", 2)]
    [InlineData("51", 2)]    // boundary belongs to the middle band (34–51)
    [InlineData("51.1", 3)]
    public void Given_bilirubin_in_umol_per_L_when_graded_then_points_on_the_SI_scale(string umolPerL, int points) =>
        Assert.Equal(points, ChildPugh.BilirubinPoints(new LabQuantity(D(umolPerL), "umol/L")));

    [Fact]
    public void Given_bilirubin_in_a_unit_without_a_Child_Pugh_scale_then_a_CALC105_problem_and_no_score()
    {
        var result = ChildPugh.Compute(new LabQuantity(1m, "g/L"), 40m, 1.1m, null, Ascites.None, HepaticEncephalopathy.None);

        Assert.Null(result.Points);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(CalculatorErrorCodes.UnrecognizedValue, problem.Code);
        Assert.Equal(InputNames.Bilirubin, problem.Input);
    }

    [Theory]
    [InlineData("3.9", 1)]
    [InlineData("4", 2)]
    [InlineData("6", 2)]
    [InlineData("6.1", 3)]
    public void Given_PT_prolongation_in_seconds_then_points_lt4_1_4to6_2_gt6_3(string seconds, int points) =>
        Assert.Equal(points, ChildPugh.PtProlongationPoints(D(seconds)));

    [Fact]
    public void Given_INR_absent_and_PT_prolonged_5_s_then_the_coagulation_component_is_2_points()
    {
        var result = ChildPugh.Compute(LabQuantity.MicromolesPerLiter(18m), 40m, null, 5m, Ascites.None, HepaticEncephalopathy.None);

        Assert.Equal(2, result.InrPoints);
        Assert.Equal(6, result.Points);
    }

    [Fact]
    public void Given_INR_1_1_and_PT_prolonged_7_s_then_INR_is_graded_and_PT_ignored()
    {
        var result = ChildPugh.Compute(LabQuantity.MicromolesPerLiter(18m), 40m, 1.1m, 7m, Ascites.None, HepaticEncephalopathy.None);

        Assert.Equal(1, result.InrPoints);
        Assert.Equal(5, result.Points);
    }

    [Fact]
    public void Given_a_lab_reporting_bilirubin_3_0_mg_per_dL_when_scoring_now_then_2_points_and_Child_Pugh_A6()
    {
        // 3.0 mg/dL (2 points on its own scale; 51.3 µmol/L would be 3), albumin 40 g/L, INR 1.1, no ascites, no HE → 2+1+1+1+1 = 6.
        var scored = RecordBuilder.For()
            .Lab(ScoreScenario.BilirubinMg, "2025-05-20", 3.0m, "mg/dL")
            .Lab(ScoreScenario.Albumin, "2025-05-20", 40m, "g/L").Lab(ScoreScenario.Inr, "2025-05-20", 1.1m, "{INR}")
            .Status("2025-05-20")
            .Score("2025-06-01");

        var childPugh = scored.Scores["childPugh"]!;
        Assert.Equal(6, childPugh["points"]!.GetValue<int>());
        Assert.Equal("A", childPugh["class"]!.GetValue<string>());
        // Displayed converted (µmol/L) in the evidence; graded on the reported scale.
        Assert.Equal(51.3m, childPugh["inputs"]!["bilirubin"]!["value"]!.GetValue<decimal>());
    }

    [Fact]
    public void Given_no_INR_and_a_PT_prolongation_of_7_s_when_scoring_now_then_3_points_and_the_PT_is_shown_as_evidence()
    {
        // Bilirubin 18 (1), albumin 40 (1), PT +7 s (3), no ascites (1), no HE (1) → 7, class B.
        var scored = RecordBuilder.For()
            .Lab(ScoreScenario.BilirubinUmol, "2025-05-20", 18m, "umol/L").Lab(ScoreScenario.Albumin, "2025-05-20", 40m, "g/L")
            .PtProlongation("2025-05-20", 7m).Status("2025-05-20")
            .Score("2025-06-01");

        Assert.Equal(7, scored.Scores["childPugh"]!["points"]!.GetValue<int>());
        Assert.Equal(7m, scored.Scores["childPugh"]!["inputs"]!["ptProlongation"]!["value"]!.GetValue<decimal>());
    }
}
