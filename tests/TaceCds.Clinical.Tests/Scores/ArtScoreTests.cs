using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

public class ArtScoreTests
{
    [Theory]
    // AST before 1st, before 2nd; Child-Pugh before 1st, before 2nd; response (CR/PR) → AST, CP, response points, total, band
    [InlineData("100", "100", 5, 5, true, "0", "0", "0", "0", "retreat")]
    [InlineData("100", "125", 5, 5, true, "0", "0", "0", "0", "retreat")]           // exactly +25 %: not more than 25 %
    [InlineData("100", "125.1", 5, 5, true, "4", "0", "0", "4", "do-not-retreat")]  // +25.1 %
    [InlineData("40", "50", 5, 5, true, "0", "0", "0", "0", "retreat")]
    [InlineData("40", "50.01", 5, 5, true, "4", "0", "0", "4", "do-not-retreat")]
    [InlineData("100", "60", 6, 5, true, "0", "0", "0", "0", "retreat")]            // improvement scores nothing
    [InlineData("100", "100", 5, 6, true, "0", "1.5", "0", "1.5", "retreat")]
    [InlineData("100", "100", 5, 7, true, "0", "3", "0", "3", "do-not-retreat")]
    [InlineData("100", "100", 5, 9, true, "0", "3", "0", "3", "do-not-retreat")]
    [InlineData("100", "100", 5, 5, false, "0", "0", "1", "1", "retreat")]
    [InlineData("100", "100", 6, 7, false, "0", "1.5", "1", "2.5", "do-not-retreat")]
    [InlineData("100", "200", 5, 8, false, "4", "3", "1", "8", "do-not-retreat")]
    public void Points_and_recommendation(
        string ast1, string ast2, int cp1, int cp2, bool response,
        string astPoints, string cpPoints, string responsePoints, string total, string band)
    {
        var result = ArtScore.Compute(D(ast1), D(ast2), cp1, cp2, response);

        Assert.True(result.IsComputable);
        Assert.Equal(D(astPoints), result.AstPoints);
        Assert.Equal(D(cpPoints), result.ChildPughPoints);
        Assert.Equal(D(responsePoints), result.ResponsePoints);
        Assert.Equal(D(total), result.Points);
        Assert.Equal(band, result.Recommendation);
    }

    [Theory]
    [InlineData("0", "retreat")]
    [InlineData("1", "retreat")]
    [InlineData("1.5", "retreat")]
    [InlineData("2.5", "do-not-retreat")]
    [InlineData("3", "do-not-retreat")]
    [InlineData("8.0", "do-not-retreat")]
    public void Recommendation_bands(string points, string band) => Assert.Equal(band, ArtScore.RecommendationFor(D(points)));

    [Theory]
    [InlineData("2")]
    [InlineData("-1")]
    public void Totals_the_score_cannot_reach_have_no_band(string points) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ArtScore.RecommendationFor(D(points)));

    [Theory]
    [InlineData(-2, "0")]
    [InlineData(0, "0")]
    [InlineData(1, "1.5")]
    [InlineData(2, "3")]
    [InlineData(5, "3")]
    public void Child_pugh_increase_points(int increase, string points) =>
        Assert.Equal(D(points), ArtScore.ChildPughPointsFor(increase));

    [Fact]
    public void An_AST_rise_decides_do_not_retreat_with_the_rest_missing()
    {
        var result = ArtScore.Compute(100m, 130m, null, null, null);

        Assert.False(result.IsComputable);
        Assert.Null(result.Points);
        Assert.Equal("do-not-retreat", result.Recommendation);
        Assert.Equal(4m, result.AstPoints);
        Assert.Equal(
            new[] { "childPughPointsBeforeFirstTace", "childPughPointsBeforeSecondTace", "radiologicResponseAfterFirstTace" },
            result.Missing);
    }

    [Fact]
    public void A_missing_response_cannot_lift_0_above_1_5_so_retreat_is_decided()
    {
        var result = ArtScore.Compute(100m, 100m, 5, 5, null);

        Assert.Null(result.Points);
        Assert.Equal("retreat", result.Recommendation);
        Assert.Equal(new[] { "radiologicResponseAfterFirstTace" }, result.Missing);
    }

    [Fact]
    public void A_missing_response_after_a_one_point_child_pugh_rise_leaves_the_band_open()
    {
        var result = ArtScore.Compute(100m, 100m, 5, 6, null);

        Assert.Null(result.Points);
        Assert.Null(result.Recommendation); // 1.5 retreat or 2.5 do-not-retreat
        Assert.Equal(new[] { "radiologicResponseAfterFirstTace" }, result.Missing);
    }

    [Fact]
    public void Missing_AST_is_never_read_as_stable()
    {
        var result = ArtScore.Compute(null, 100m, 5, 5, true);

        Assert.Null(result.Points);
        Assert.Null(result.AstPoints);
        Assert.Null(result.Recommendation); // 0 or 4
        Assert.Equal(new[] { "astBeforeFirstTace" }, result.Missing);
    }

    [Theory]
    [InlineData("0", "100", 5, 5, CalculatorErrorCodes.NotPositive, "astBeforeFirstTace")]
    [InlineData("100", "-1", 5, 5, CalculatorErrorCodes.NegativeValue, "astBeforeSecondTace")]
    [InlineData("100", "100", 4, 5, CalculatorErrorCodes.OutOfRange, "childPughPointsBeforeFirstTace")]
    [InlineData("100", "100", 5, 16, CalculatorErrorCodes.OutOfRange, "childPughPointsBeforeSecondTace")]
    public void Unusable_values_are_problems(string ast1, string ast2, int cp1, int cp2, string code, string input)
    {
        var result = ArtScore.Compute(D(ast1), D(ast2), cp1, cp2, true);

        Assert.Null(result.Points);
        Assert.Null(result.Recommendation);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }

    [Fact]
    public void The_25_percent_test_does_not_overflow_on_extreme_values()
    {
        Assert.False(ArtScore.AstRoseMoreThan25Percent(decimal.MaxValue, decimal.MaxValue));
        Assert.True(ArtScore.AstRoseMoreThan25Percent(1m, decimal.MaxValue));
    }
}
