using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

public class SixAndTwelveTests
{
    [Theory]
    // largest mm, tumors → value, stratum, published median OS (months)
    [InlineData("30", 1, "4", "<=6", "49.1")]
    [InlineData("50", 1, "6", "<=6", "49.1")]
    [InlineData("51", 1, "6.1", "6-12", "32.0")]
    [InlineData("100", 2, "12", "6-12", "32.0")]
    [InlineData("101", 2, "12.1", ">12", "15.8")]
    [InlineData("40", 10, "14", ">12", "15.8")]
    public void Value_stratum_and_published_survival(string largestMm, int count, string value, string stratum, string medianOs)
    {
        var result = SixAndTwelve.Compute(D(largestMm), count);

        Assert.True(result.IsComputable);
        Assert.Equal(D(value), result.Value);
        Assert.Equal(stratum, result.Stratum);
        Assert.Equal(D(medianOs), result.MedianOverallSurvivalMonths);
    }

    [Theory]
    [InlineData("6", "<=6")]
    [InlineData("6.1", "6-12")]
    [InlineData("12", "6-12")]
    [InlineData("12.1", ">12")]
    public void Strata_boundaries(string value, string stratum) => Assert.Equal(stratum, SixAndTwelve.StratumFor(D(value)));

    [Theory]
    [InlineData("<=6", "49.1")]
    [InlineData("6-12", "32.0")]
    [InlineData(">12", "15.8")]
    public void Published_median_survival_per_stratum(string stratum, string months) =>
        Assert.Equal(D(months), SixAndTwelve.MedianOverallSurvivalMonths(stratum));

    [Fact]
    public void An_unknown_stratum_has_no_survival() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SixAndTwelve.MedianOverallSurvivalMonths("7-13"));

    [Theory]
    [InlineData("110.1", null, ">12", new[] { "tumorCount" })]
    [InlineData("110", null, null, new[] { "tumorCount" })]
    [InlineData(null, 12, ">12", new[] { "largestDiameter" })]
    [InlineData(null, 11, null, new[] { "largestDiameter" })]
    [InlineData(null, null, null, new[] { "largestDiameter", "tumorCount" })]
    public void Missing_inputs_leave_the_value_unknown_but_may_decide_the_top_stratum(
        string? largestMm, int? count, string? stratum, string[] missing)
    {
        var result = SixAndTwelve.Compute(N(largestMm), count);

        Assert.False(result.IsComputable);
        Assert.Null(result.Value);
        Assert.Equal(stratum, result.Stratum);
        Assert.Equal(stratum is null ? null : 15.8m, result.MedianOverallSurvivalMonths);
        Assert.Equal(missing, result.Missing);
    }

    [Theory]
    [InlineData("-5", 1, CalculatorErrorCodes.NotPositive, "largestDiameter")]
    [InlineData("20", -2, CalculatorErrorCodes.OutOfRange, "tumorCount")]
    public void Unusable_values_are_problems(string largestMm, int count, string code, string input)
    {
        var result = SixAndTwelve.Compute(D(largestMm), count);

        Assert.Null(result.Stratum);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }
}
