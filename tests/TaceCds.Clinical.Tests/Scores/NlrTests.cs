using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

public class NlrTests
{
    [Theory]
    [InlineData("4.5", "1.5", "3", "3.00")]
    [InlineData("5", "3", "1.6666666666666666666666666667", "1.67")]
    [InlineData("1", "8", "0.125", "0.13")] // midpoint rounds away from zero
    [InlineData("0", "2", "0", "0")]
    [InlineData("12.6", "0.9", "14", "14.00")]
    public void Ratio_of_absolute_counts(string neutrophils, string lymphocytes, string expected, string expectedRounded)
    {
        var result = Nlr.Compute(N(neutrophils), N(lymphocytes));

        Assert.True(result.IsComputable);
        Assert.Equal(D(expected), result.Value);
        Assert.Equal(D(expectedRounded), result.Rounded);
        Assert.Empty(result.Missing);
        Assert.Empty(result.Problems);
    }

    [Theory]
    [InlineData(null, "1.5", new[] { "neutrophils" })]
    [InlineData("4.5", null, new[] { "lymphocytes" })]
    [InlineData(null, null, new[] { "neutrophils", "lymphocytes" })]
    public void Missing_counts_are_named(string? neutrophils, string? lymphocytes, string[] missing)
    {
        var result = Nlr.Compute(N(neutrophils), N(lymphocytes));

        Assert.False(result.IsComputable);
        Assert.Null(result.Value);
        Assert.Null(result.Rounded);
        Assert.Equal(missing, result.Missing);
    }

    [Fact]
    public void Zero_lymphocytes_is_not_computable_with_a_reason()
    {
        var result = Nlr.Compute(4m, 0m);

        Assert.False(result.IsComputable);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(CalculatorErrorCodes.NotPositive, problem.Code);
        Assert.Equal("lymphocytes", problem.Input);
        Assert.Contains("greater than zero", problem.Message);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Negative_neutrophils_are_rejected()
    {
        var result = Nlr.Compute(-1m, 2m);

        Assert.Null(result.Value);
        Assert.Equal(CalculatorErrorCodes.NegativeValue, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void A_ratio_beyond_the_decimal_range_is_a_problem_not_a_crash()
    {
        var result = Nlr.Compute(decimal.MaxValue, 0.0000001m);

        Assert.Null(result.Value);
        Assert.Equal(CalculatorErrorCodes.ResultOutOfRange, Assert.Single(result.Problems).Code);
    }
}
