using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

public class CnlcStagingTests
{
    private static CnlcResult Stage(int? ps, ChildPughClass? cp, int? count, string? largestMm, bool? mvi, bool? ehs) =>
        CnlcStaging.Stage(new StagingInputs(ps, cp, count, N(largestMm), mvi, ehs));

    [Theory]
    // PS, Child-Pugh, tumors, largest mm, macrovascular invasion, extrahepatic → stage
    [InlineData(0, ChildPughClass.A, 1, "50", false, false, "Ia")]
    [InlineData(0, ChildPughClass.A, 1, "50.1", false, false, "Ib")]
    [InlineData(2, ChildPughClass.B, 1, "20", false, false, "Ia")]
    [InlineData(0, ChildPughClass.A, 2, "30", false, false, "Ib")]
    [InlineData(0, ChildPughClass.A, 3, "30", false, false, "Ib")]
    [InlineData(0, ChildPughClass.A, 2, "30.1", false, false, "IIa")]
    [InlineData(1, ChildPughClass.A, 3, "80", false, false, "IIa")]
    [InlineData(0, ChildPughClass.A, 4, "10", false, false, "IIb")]
    [InlineData(0, ChildPughClass.B, 9, "120", false, false, "IIb")]
    [InlineData(0, ChildPughClass.A, 1, "30", true, false, "IIIa")]
    [InlineData(0, ChildPughClass.A, 1, "30", false, true, "IIIb")]
    [InlineData(2, ChildPughClass.B, 5, "90", true, true, "IIIb")]
    [InlineData(3, ChildPughClass.A, 1, "20", false, false, "IV")]
    [InlineData(4, ChildPughClass.A, 1, "20", false, false, "IV")]
    [InlineData(0, ChildPughClass.C, 1, "20", false, false, "IV")]
    public void Stage_from_complete_inputs(int ps, ChildPughClass cp, int count, string largestMm, bool mvi, bool ehs, string expected)
    {
        var result = Stage(ps, cp, count, largestMm, mvi, ehs);

        Assert.True(result.IsComputable);
        Assert.Equal(expected, result.Stage);
        Assert.Empty(result.Missing);
    }

    [Theory]
    [InlineData(3, null, "IV")]                    // PS 3–4: IV whatever the tumor burden and liver
    [InlineData(null, ChildPughClass.C, "IV")]     // Child-Pugh C: IV whatever the PS
    public void Stage_IV_is_decided_by_general_condition_or_liver_alone(int? ps, ChildPughClass? cp, string expected)
    {
        var result = Stage(ps, cp, null, null, null, null);

        Assert.Equal(expected, result.Stage);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Four_tumors_need_no_diameter()
    {
        var result = Stage(0, ChildPughClass.A, 4, null, false, false);

        Assert.Equal("IIb", result.Stage);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Extrahepatic_metastasis_decides_IIIb_without_tumor_burden()
    {
        var result = Stage(1, ChildPughClass.B, null, null, null, true);

        Assert.Equal("IIIb", result.Stage);
        Assert.Empty(result.Missing);
    }

    [Theory]
    // Only the absent inputs that could change the stage are listed.
    [InlineData(null, ChildPughClass.A, 1, "20", false, false, new[] { "ecogPs" })]
    [InlineData(0, null, 1, "20", false, false, new[] { "childPughClass" })]
    [InlineData(null, ChildPughClass.A, null, null, null, true, new[] { "ecogPs" })]            // IV or IIIb
    [InlineData(0, ChildPughClass.A, 1, "20", true, null, new[] { "extrahepaticSpread" })]      // IIIb or IIIa
    [InlineData(0, ChildPughClass.A, 1, "20", null, false, new[] { "macrovascularInvasion" })]  // IIIa or Ia
    [InlineData(0, ChildPughClass.A, null, null, false, false, new[] { "tumorCount", "largestDiameter" })]
    [InlineData(0, ChildPughClass.A, null, "20", false, false, new[] { "tumorCount" })]
    [InlineData(0, ChildPughClass.A, 2, null, false, false, new[] { "largestDiameter" })]
    [InlineData(null, null, null, null, null, null,
        new[] { "ecogPs", "childPughClass", "extrahepaticSpread", "macrovascularInvasion", "tumorCount", "largestDiameter" })]
    public void Missing_inputs_that_matter_make_the_stage_not_computable(
        int? ps, ChildPughClass? cp, int? count, string? largestMm, bool? mvi, bool? ehs, string[] missing)
    {
        var result = Stage(ps, cp, count, largestMm, mvi, ehs);

        Assert.False(result.IsComputable);
        Assert.Null(result.Stage);
        Assert.Equal(missing, result.Missing);
    }

    [Theory]
    [InlineData(5, 1, "20", CalculatorErrorCodes.OutOfRange, "ecogPs")]
    [InlineData(-1, 1, "20", CalculatorErrorCodes.OutOfRange, "ecogPs")]
    [InlineData(0, 0, "20", CalculatorErrorCodes.OutOfRange, "tumorCount")]
    [InlineData(0, 1, "0", CalculatorErrorCodes.NotPositive, "largestDiameter")]
    public void Unusable_values_are_problems(int ps, int count, string largestMm, string code, string input)
    {
        var result = Stage(ps, ChildPughClass.A, count, largestMm, false, false);

        Assert.Null(result.Stage);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }

    [Fact]
    public void An_undefined_child_pugh_class_is_unrecognized()
    {
        var result = Stage(0, (ChildPughClass)9, 1, "20", false, false);

        Assert.Null(result.Stage);
        Assert.Equal(CalculatorErrorCodes.UnrecognizedValue, Assert.Single(result.Problems).Code);
    }

    [Theory]
    [InlineData("Ia", false, false)]
    [InlineData("Ib", true, false)]
    [InlineData("IIa", true, false)]
    [InlineData("IIb", true, true)]
    [InlineData("IIIa", true, true)]
    [InlineData("IIIb", true, false)]
    [InlineData("IV", false, false)]
    public void Tace_indication_by_stage(string stage, bool indicated, bool firstChoice)
    {
        Assert.Equal(indicated, CnlcStaging.IsTaceIndicated(stage));
        Assert.Equal(firstChoice, CnlcStaging.IsTaceFirstChoice(stage));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("IIc")]
    [InlineData("ia")]
    [InlineData("B")]
    public void Tace_indication_is_unknown_for_a_string_that_is_not_a_stage(string? stage)
    {
        Assert.Null(CnlcStaging.IsTaceIndicated(stage));
        Assert.Null(CnlcStaging.IsTaceFirstChoice(stage));
    }

    [Fact]
    public void Stages_are_listed_from_least_to_most_advanced() =>
        Assert.Equal(new[] { "Ia", "Ib", "IIa", "IIb", "IIIa", "IIIb", "IV" }, CnlcStaging.Stages);

    [Theory]
    [InlineData(9, "Ia", false)]   // maximum possible 9: class C ruled out, stage decided
    [InlineData(10, null, true)]   // maximum possible 10: could be C (IV)
    [InlineData(null, null, true)] // no components at all
    public void Given_Child_Pugh_unknown_then_CNLC_is_decided_only_when_the_maximum_possible_score_is_at_most_9(int? maximum, string? stage, bool childPughMissing)
    {
        var result = CnlcStaging.Stage(new StagingInputs(0, null, 1, 40m, false, false) { ChildPughMaximumPoints = maximum });

        Assert.Equal(stage, result.Stage);
        Assert.Equal(childPughMissing, result.Missing.Contains(InputNames.ChildPughClass));
    }
}
