using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

public class HapTests
{
    [Theory]
    // largest mm, AFP ng/mL, albumin g/L, bilirubin µmol/L → points per component (size, AFP, albumin, bilirubin), total, class
    [InlineData("50", "10", "40", "10", new[] { 0, 0, 0, 0 }, 0, "A")]
    [InlineData("70", "10", "40", "10", new[] { 0, 0, 0, 0 }, 0, "A")]
    [InlineData("71", "10", "40", "10", new[] { 1, 0, 0, 0 }, 1, "B")]
    [InlineData("50", "400", "40", "10", new[] { 0, 0, 0, 0 }, 0, "A")]
    [InlineData("50", "401", "40", "10", new[] { 0, 1, 0, 0 }, 1, "B")]
    [InlineData("50", "10", "36", "10", new[] { 0, 0, 0, 0 }, 0, "A")]
    [InlineData("50", "10", "35.9", "10", new[] { 0, 0, 1, 0 }, 1, "B")]
    [InlineData("50", "10", "40", "17", new[] { 0, 0, 0, 0 }, 0, "A")]
    [InlineData("50", "10", "40", "17.1", new[] { 0, 0, 0, 1 }, 1, "B")]
    [InlineData("71", "401", "40", "10", new[] { 1, 1, 0, 0 }, 2, "C")]
    [InlineData("71", "401", "35.9", "10", new[] { 1, 1, 1, 0 }, 3, "D")]
    [InlineData("71", "401", "35.9", "17.1", new[] { 1, 1, 1, 1 }, 4, "D")]
    public void Points_and_class(string largestMm, string afp, string albumin, string bilirubin, int[] components, int points, string hapClass)
    {
        var result = Hap.Compute(D(largestMm), D(afp), D(albumin), D(bilirubin));

        Assert.True(result.IsComputable);
        Assert.Equal("HAP", result.Model);
        Assert.Equal(components,
            new[] { result.TumorSizePoints, result.AfpPoints, result.AlbuminPoints, result.BilirubinPoints }.Select(p => p!.Value));
        Assert.Null(result.TumorCountPoints);
        Assert.Equal(points, result.Points);
        Assert.Equal(hapClass, result.Class);
    }

    [Theory]
    [InlineData(1, 0, 1, "B")]
    [InlineData(2, 1, 2, "C")]
    [InlineData(5, 1, 2, "C")]
    public void MHap2_adds_a_point_for_two_or_more_tumors(int count, int countPoints, int points, string hapClass)
    {
        // Size 71 mm → 1 point; AFP, albumin, bilirubin normal.
        var result = Hap.ComputeMHap2(71m, 10m, 40m, 10m, count);

        Assert.Equal("mHAP-II", result.Model);
        Assert.Equal(countPoints, result.TumorCountPoints);
        Assert.Equal(points, result.Points);
        Assert.Equal(hapClass, result.Class);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(1, "B")]
    [InlineData(2, "C")]
    [InlineData(3, "D")]
    [InlineData(5, "D")]
    public void Class_cut_points(int points, string hapClass) => Assert.Equal(hapClass, Hap.ClassFor(points));

    [Fact]
    public void A_missing_input_is_never_scored_as_normal()
    {
        var result = Hap.Compute(50m, null, 40m, 10m);

        Assert.False(result.IsComputable);
        Assert.Null(result.Points);
        Assert.Null(result.Class);
        Assert.Null(result.AfpPoints);
        Assert.Equal(0, result.TumorSizePoints);
        Assert.Equal(new[] { "afp" }, result.Missing);
    }

    [Fact]
    public void Class_D_is_decided_once_three_points_are_known()
    {
        var result = Hap.Compute(71m, 401m, 30m, null);

        Assert.Null(result.Points);
        Assert.Equal("D", result.Class);
        Assert.Equal(new[] { "bilirubin" }, result.Missing);
    }

    [Fact]
    public void Two_known_points_with_one_missing_leave_C_or_D_open()
    {
        var result = Hap.Compute(71m, 401m, null, 10m);

        Assert.Null(result.Class);
        Assert.Equal(new[] { "albumin" }, result.Missing);
    }

    [Fact]
    public void MHap2_needs_the_tumor_count()
    {
        var result = Hap.ComputeMHap2(50m, 10m, 40m, 10m, null);

        Assert.Null(result.Points);
        Assert.Null(result.Class);
        Assert.Equal(new[] { "tumorCount" }, result.Missing);
    }

    [Fact]
    public void All_missing_are_listed()
    {
        var result = Hap.ComputeMHap2(null, null, null, null, null);

        Assert.Equal(new[] { "largestDiameter", "afp", "albumin", "bilirubin", "tumorCount" }, result.Missing);
    }

    [Theory]
    [InlineData("0", "10", "40", "10", CalculatorErrorCodes.NotPositive, "largestDiameter")]
    [InlineData("50", "-1", "40", "10", CalculatorErrorCodes.NegativeValue, "afp")]
    [InlineData("50", "10", "40", "-0.1", CalculatorErrorCodes.NegativeValue, "bilirubin")]
    public void Unusable_values_are_problems(string largestMm, string afp, string albumin, string bilirubin, string code, string input)
    {
        var result = Hap.Compute(D(largestMm), D(afp), D(albumin), D(bilirubin));

        Assert.Null(result.Points);
        Assert.Null(result.Class);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }
}
