using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

public class AlbiTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    // bilirubin µmol/L, albumin g/L → ALBI by the paper's definition, rounded, grade, mALBI grade
    [InlineData("10", "40", -2.74, "-2.74", "1", "1")]           // log10 10 = 1: 0.66 − 3.4
    [InlineData("100", "30", -1.23, "-1.23", "3", "3")]          // 1.32 − 2.55
    [InlineData("1000", "50", -2.27, "-2.27", "2", "2a")]        // 1.98 − 4.25: exactly the mALBI cut point
    [InlineData("1000", "49.9", -2.2615, "-2.26", "2", "2b")]
    [InlineData("1000", "50.1", -2.2785, "-2.28", "2", "2a")]
    [InlineData("10", "38.36", -2.6006, "-2.60", "1", "1")]
    [InlineData("10", "38.35", -2.59975, "-2.60", "2", "2a")]    // displays −2.60 but grades on the unrounded value
    [InlineData("10", "24.12", -1.3902, "-1.39", "2", "2b")]
    [InlineData("10", "24.11", -1.38935, "-1.39", "3", "3")]     // displays −1.39 but grades on the unrounded value
    public void Formula_and_grades(string bilirubin, string albumin, double expected, string rounded, string grade, string modifiedGrade)
    {
        var result = Albi.Compute(D(bilirubin), D(albumin));

        Assert.True(result.IsComputable);
        Assert.Equal(expected, result.Value!.Value, Tolerance);
        Assert.Equal(D(rounded), result.Rounded);
        Assert.Equal(grade, result.Grade);
        Assert.Equal(modifiedGrade, result.ModifiedGrade);
    }

    [Fact]
    public void A_non_round_bilirubin_follows_the_published_formula()
    {
        // 1 mg/dL bilirubin = 17.1 µmol/L; albumin 3.5 g/dL = 35 g/L.
        var result = Albi.Compute(17.1m, 35m);

        Assert.Equal(Math.Log10(17.1) * 0.66 - 35 * 0.085, result.Value!.Value, Tolerance);
        Assert.Equal(-2.16m, result.Rounded);
        Assert.Equal("2", result.Grade);
        Assert.Equal("2b", result.ModifiedGrade);
    }

    [Theory]
    [InlineData(-3.00, "1")]
    [InlineData(-2.61, "1")]
    [InlineData(-2.60, "1")]
    [InlineData(-2.59, "2")]
    [InlineData(-1.40, "2")]
    [InlineData(-1.39, "2")]
    [InlineData(-1.38, "3")]
    [InlineData(-0.50, "3")]
    public void Grade_boundaries(double albi, string grade) => Assert.Equal(grade, Albi.GradeFor(albi));

    [Theory]
    [InlineData(-2.61, "1")]
    [InlineData(-2.60, "1")]
    [InlineData(-2.59, "2a")]
    [InlineData(-2.271, "2a")]
    [InlineData(-2.270, "2a")]
    [InlineData(-2.269, "2b")]
    [InlineData(-1.39, "2b")]
    [InlineData(-1.389, "3")]
    public void Modified_grade_boundaries(double albi, string grade) => Assert.Equal(grade, Albi.ModifiedGradeFor(albi));

    [Fact]
    public void Binary_noise_at_a_cut_point_does_not_change_the_grade()
    {
        Assert.Equal("1", Albi.GradeFor(-2.6 + 1e-15));
        Assert.Equal("2a", Albi.ModifiedGradeFor(-2.27 + 4e-16));
        Assert.Equal("2", Albi.GradeFor(-1.39 + 2e-16));
    }

    [Theory]
    [InlineData(null, "40", new[] { "bilirubin" })]
    [InlineData("10", null, new[] { "albumin" })]
    [InlineData(null, null, new[] { "bilirubin", "albumin" })]
    public void Missing_inputs_are_named(string? bilirubin, string? albumin, string[] missing)
    {
        var result = Albi.Compute(N(bilirubin), N(albumin));

        Assert.False(result.IsComputable);
        Assert.Null(result.Grade);
        Assert.Null(result.ModifiedGrade);
        Assert.Equal(missing, result.Missing);
    }

    [Theory]
    [InlineData("0", "40", CalculatorErrorCodes.NotPositive, "bilirubin")]
    [InlineData("10", "-1", CalculatorErrorCodes.NegativeValue, "albumin")]
    public void Unusable_values_are_problems(string bilirubin, string albumin, string code, string input)
    {
        var result = Albi.Compute(D(bilirubin), D(albumin));

        Assert.Null(result.Value);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }

    [Fact]
    public void Grading_a_non_finite_value_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Albi.GradeFor(double.NaN));
}
