using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

public class UpToSevenTests
{
    [Theory]
    // largest mm, tumors → largest cm + number, within (≤ 7)
    [InlineData("50", 2, "7", true)]
    [InlineData("51", 2, "7.1", false)]
    [InlineData("10", 6, "7", true)]
    [InlineData("30", 3, "6", true)]
    [InlineData("60", 1, "7", true)]
    [InlineData("60.1", 1, "7.01", false)]
    public void Value_and_within(string largestMm, int count, string value, bool within)
    {
        var result = UpToSeven.Compute(D(largestMm), count);

        Assert.True(result.IsComputable);
        Assert.Equal(D(value), result.Value);
        Assert.Equal(within, result.Within);
        Assert.Empty(result.Missing);
    }

    [Theory]
    [InlineData("60.1", null, false, new[] { "tumorCount" })] // at least 1 tumor: > 7 whatever the count
    [InlineData("60", null, null, new[] { "tumorCount" })]    // 7 with one tumor, beyond with more
    [InlineData(null, 7, false, new[] { "largestDiameter" })] // 7 tumors + any size > 7
    [InlineData(null, 6, null, new[] { "largestDiameter" })]
    [InlineData(null, null, null, new[] { "largestDiameter", "tumorCount" })]
    public void Missing_inputs_leave_the_value_unknown_but_may_decide_out(string? largestMm, int? count, bool? within, string[] missing)
    {
        var result = UpToSeven.Compute(N(largestMm), count);

        Assert.False(result.IsComputable);
        Assert.Null(result.Value);
        Assert.Equal(within, result.Within);
        Assert.Equal(missing, result.Missing);
    }

    [Theory]
    [InlineData("0", 1, CalculatorErrorCodes.NotPositive, "largestDiameter")]
    [InlineData("20", 0, CalculatorErrorCodes.OutOfRange, "tumorCount")]
    public void Unusable_values_are_problems(string largestMm, int count, string code, string input)
    {
        var result = UpToSeven.Compute(D(largestMm), count);

        Assert.Null(result.Value);
        Assert.Null(result.Within);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }
}
