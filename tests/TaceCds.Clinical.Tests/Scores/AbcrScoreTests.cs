using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

public class AbcrScoreTests
{
    [Theory]
    // AFP, BCLC, Child-Pugh before/after 1st TACE, objective response → AFP, BCLC, CP, response points, total, band
    [InlineData("10", "A", 5, 5, false, 0, 0, 0, 0, 0, "good-prognosis")]
    [InlineData("199", "A", 5, 5, false, 0, 0, 0, 0, 0, "good-prognosis")]
    [InlineData("200", "A", 5, 5, false, 1, 0, 0, 0, 1, "intermediate")]
    [InlineData("10", "B", 5, 5, false, 0, 2, 0, 0, 2, "intermediate")]
    [InlineData("10", "C", 5, 5, false, 0, 3, 0, 0, 3, "intermediate")]
    [InlineData("200", "C", 5, 5, false, 1, 3, 0, 0, 4, "consider-not-retreating")]
    [InlineData("10", "B", 5, 6, false, 0, 2, 0, 0, 2, "intermediate")]              // +1: no points
    [InlineData("10", "B", 5, 7, false, 0, 2, 2, 0, 4, "consider-not-retreating")]   // +2
    [InlineData("10", "B", 6, 5, false, 0, 2, 0, 0, 2, "intermediate")]
    [InlineData("10", "B", 5, 5, true, 0, 2, 0, -3, -1, "good-prognosis")]
    [InlineData("500", "C", 5, 8, true, 1, 3, 2, -3, 3, "intermediate")]
    [InlineData("500", "C", 5, 8, false, 1, 3, 2, 0, 6, "consider-not-retreating")]
    public void Points_and_band(
        string afp, string bclc, int cp1, int cp2, bool response,
        int afpPoints, int bclcPoints, int cpPoints, int responsePoints, int total, string band)
    {
        var result = AbcrScore.Compute(D(afp), bclc, cp1, cp2, response);

        Assert.True(result.IsComputable);
        Assert.True(result.IsApplicable);
        Assert.Equal(afpPoints, result.AfpPoints);
        Assert.Equal(bclcPoints, result.BclcPoints);
        Assert.Equal(cpPoints, result.ChildPughPoints);
        Assert.Equal(responsePoints, result.ResponsePoints);
        Assert.Equal(total, result.Points);
        Assert.Equal(band, result.Band);
    }

    [Theory]
    [InlineData(-3, "good-prognosis")]
    [InlineData(0, "good-prognosis")]
    [InlineData(1, "intermediate")]
    [InlineData(3, "intermediate")]
    [InlineData(4, "consider-not-retreating")]
    [InlineData(6, "consider-not-retreating")]
    public void Bands(int points, string band) => Assert.Equal(band, AbcrScore.BandFor(points));

    [Theory]
    [InlineData("0")]
    [InlineData("D")]
    public void BCLC_0_and_D_are_outside_the_score_population(string bclc)
    {
        var result = AbcrScore.Compute(10m, bclc, 5, 5, false);

        Assert.False(result.IsApplicable);
        Assert.False(result.IsComputable);
        Assert.Null(result.Band);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(CalculatorErrorCodes.NotApplicable, problem.Code);
        Assert.Equal("bclcStageBaseline", problem.Input);
        Assert.Contains("BCLC A–C", problem.Message);
    }

    [Theory]
    [InlineData("E")]
    [InlineData("b")]
    [InlineData("")]
    public void An_unknown_BCLC_stage_is_unrecognized(string bclc)
    {
        var result = AbcrScore.Compute(10m, bclc, 5, 5, false);

        Assert.True(result.IsApplicable);
        Assert.Null(result.Points);
        Assert.Equal(CalculatorErrorCodes.UnrecognizedValue, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Missing_inputs_are_listed_in_order()
    {
        var result = AbcrScore.Compute(null, null, null, null, null);

        Assert.False(result.IsComputable);
        Assert.Null(result.Band);
        Assert.Equal(
            new[] { "afpBaseline", "bclcStageBaseline", "childPughPointsBeforeFirstTace", "childPughPointsAfterFirstTace", "objectiveResponseAfterFirstTace" },
            result.Missing);
    }

    [Fact]
    public void A_missing_response_can_still_leave_the_band_decided()
    {
        // 0 + 0 + 0, response −3 or 0 → ≤ 0 either way.
        var result = AbcrScore.Compute(10m, "A", 5, 5, null);

        Assert.Null(result.Points);
        Assert.Equal("good-prognosis", result.Band);
        Assert.Equal(new[] { "objectiveResponseAfterFirstTace" }, result.Missing);
    }

    [Fact]
    public void A_missing_response_after_a_high_score_leaves_the_band_open()
    {
        // 1 + 3 + 2 = 6, response −3 → 3 intermediate, 0 → 6 consider not retreating.
        var result = AbcrScore.Compute(500m, "C", 5, 8, null);

        Assert.Null(result.Points);
        Assert.Null(result.Band);
    }

    [Fact]
    public void A_missing_AFP_is_never_read_as_low()
    {
        // 3 + 0 + 0 known: AFP 0 → 3 intermediate, AFP 1 → 4 consider not retreating.
        var result = AbcrScore.Compute(null, "C", 5, 5, false);

        Assert.Null(result.AfpPoints);
        Assert.Null(result.Band);
        Assert.Equal(new[] { "afpBaseline" }, result.Missing);
    }

    [Theory]
    [InlineData("-1", 5, 5, CalculatorErrorCodes.NegativeValue, "afpBaseline")]
    [InlineData("10", 3, 5, CalculatorErrorCodes.OutOfRange, "childPughPointsBeforeFirstTace")]
    [InlineData("10", 5, 20, CalculatorErrorCodes.OutOfRange, "childPughPointsAfterFirstTace")]
    public void Unusable_values_are_problems(string afp, int cp1, int cp2, string code, string input)
    {
        var result = AbcrScore.Compute(D(afp), "B", cp1, cp2, true);

        Assert.Null(result.Points);
        Assert.Null(result.Band);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }
}
