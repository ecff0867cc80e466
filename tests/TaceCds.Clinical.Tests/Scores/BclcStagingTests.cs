using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

public class BclcStagingTests
{
    private static BclcResult Stage(int? ps, ChildPughClass? cp, int? count, string? largestMm, bool? mvi, bool? ehs) =>
        BclcStaging.Stage(new StagingInputs(ps, cp, count, N(largestMm), mvi, ehs));

    [Theory]
    // PS, Child-Pugh, nodules, largest mm, portal/macrovascular invasion, extrahepatic → stage
    [InlineData(0, ChildPughClass.A, 1, "20", false, false, "0")]
    [InlineData(0, ChildPughClass.A, 1, "20.1", false, false, "A")]
    [InlineData(0, ChildPughClass.A, 1, "100", false, false, "A")]   // single, any size
    [InlineData(0, ChildPughClass.A, 2, "30", false, false, "A")]
    [InlineData(0, ChildPughClass.A, 3, "30", false, false, "A")]
    [InlineData(0, ChildPughClass.A, 2, "30.1", false, false, "B")]
    [InlineData(0, ChildPughClass.A, 3, "31", false, false, "B")]
    [InlineData(0, ChildPughClass.A, 4, "15", false, false, "B")]
    [InlineData(1, ChildPughClass.A, 1, "15", false, false, "C")]
    [InlineData(2, ChildPughClass.A, 1, "15", false, false, "C")]
    [InlineData(0, ChildPughClass.A, 1, "15", true, false, "C")]
    [InlineData(0, ChildPughClass.A, 1, "15", false, true, "C")]
    [InlineData(3, ChildPughClass.A, 1, "15", false, false, "D")]
    [InlineData(4, ChildPughClass.A, 1, "15", false, false, "D")]
    [InlineData(0, ChildPughClass.C, 1, "15", false, false, "D")]
    [InlineData(2, ChildPughClass.C, 5, "80", true, true, "D")]
    public void Stage_from_complete_inputs(int ps, ChildPughClass cp, int count, string largestMm, bool mvi, bool ehs, string expected)
    {
        var result = Stage(ps, cp, count, largestMm, mvi, ehs);

        Assert.True(result.IsComputable);
        Assert.Equal(expected, result.Stage);
        Assert.Empty(result.Notes);
        Assert.Empty(result.Missing);
    }

    [Theory]
    [InlineData(0, 1, "15", false, "0")]
    [InlineData(0, 2, "25", false, "A")]
    [InlineData(0, 4, "25", false, "B")]
    [InlineData(1, 1, "15", false, "C")]
    [InlineData(0, 1, "15", true, "C")]
    public void Child_pugh_B_is_staged_by_tumor_burden_with_an_assumption_note(int ps, int count, string largestMm, bool mvi, string expected)
    {
        var result = Stage(ps, ChildPughClass.B, count, largestMm, mvi, false);

        Assert.Equal(expected, result.Stage);
        Assert.Equal(new[] { BclcStaging.ChildPughBAssumedPreservedNote }, result.Notes);
        Assert.Contains("Preserved liver function assumed for Child-Pugh B", result.Notes[0]);
    }

    [Fact]
    public void Child_pugh_B_with_PS_above_2_is_D_without_the_note()
    {
        var result = Stage(3, ChildPughClass.B, 1, "15", false, false);

        Assert.Equal("D", result.Stage);
        Assert.Empty(result.Notes);
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(null, ChildPughClass.C)]
    public void Stage_D_needs_nothing_else(int? ps, ChildPughClass? cp)
    {
        var result = Stage(ps, cp, null, null, null, null);

        Assert.Equal("D", result.Stage);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void PS_1_decides_C_without_tumor_data()
    {
        var result = Stage(1, ChildPughClass.A, null, null, null, null);

        Assert.Equal("C", result.Stage);
        Assert.Empty(result.Missing);
    }

    [Theory]
    [InlineData(null, ChildPughClass.A, 1, "15", false, false, new[] { "ecogPs" })]
    [InlineData(0, null, 1, "15", false, false, new[] { "childPughClass" })]
    [InlineData(1, null, null, null, null, null, new[] { "childPughClass" })]                 // C or D
    [InlineData(null, ChildPughClass.A, null, null, true, null, new[] { "ecogPs" })]         // C or D
    [InlineData(0, ChildPughClass.A, 1, "15", null, false, new[] { "macrovascularInvasion" })]
    [InlineData(0, ChildPughClass.A, 1, "15", false, null, new[] { "extrahepaticSpread" })]
    [InlineData(0, ChildPughClass.A, null, null, false, false, new[] { "tumorCount", "largestDiameter" })]
    [InlineData(0, ChildPughClass.A, 3, null, false, false, new[] { "largestDiameter" })]
    [InlineData(null, null, null, null, null, null,
        new[] { "ecogPs", "childPughClass", "macrovascularInvasion", "extrahepaticSpread", "tumorCount", "largestDiameter" })]
    public void Missing_inputs_that_matter_make_the_stage_not_computable(
        int? ps, ChildPughClass? cp, int? count, string? largestMm, bool? mvi, bool? ehs, string[] missing)
    {
        var result = Stage(ps, cp, count, largestMm, mvi, ehs);

        Assert.False(result.IsComputable);
        Assert.Null(result.Stage);
        Assert.Empty(result.Notes);
        Assert.Equal(missing, result.Missing);
    }

    [Fact]
    public void Four_nodules_with_PS_0_need_no_diameter()
    {
        var result = Stage(0, ChildPughClass.A, 4, null, false, false);

        Assert.Equal("B", result.Stage);
    }

    [Theory]
    [InlineData(5, 1, "20", CalculatorErrorCodes.OutOfRange, "ecogPs")]
    [InlineData(0, 0, "20", CalculatorErrorCodes.OutOfRange, "tumorCount")]
    [InlineData(0, 1, "-3", CalculatorErrorCodes.NotPositive, "largestDiameter")]
    public void Unusable_values_are_problems(int ps, int count, string largestMm, string code, string input)
    {
        var result = Stage(ps, ChildPughClass.A, count, largestMm, false, false);

        Assert.Null(result.Stage);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }
}
