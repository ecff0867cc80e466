using TaceCds.Clinical.Imaging;
using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Imaging;

public class NormalizedIodineConcentrationTests
{
    [Theory]
    // IC tumor, IC aorta (mg/mL) → NIC %
    [InlineData("5.2", "20", "26")]
    [InlineData("3.484", "20", "17.42")]     // seed 004 Figure 2 responder's NIC-AP
    [InlineData("10.942", "20", "54.71")]    // seed 004 Figure 2 non-responder's NIC-AP
    [InlineData("0", "20", "0")]
    [InlineData("20", "20", "100")]
    public void Percent_of_the_aortic_concentration(string tumor, string aorta, string percent)
    {
        var result = NormalizedIodineConcentration.Compute(D(tumor), D(aorta));

        Assert.True(result.IsComputable);
        Assert.Equal(D(percent), result.Percent);
    }

    [Theory]
    [InlineData(null, "20", new[] { "iodineConcentrationTumor" })]
    [InlineData("5", null, new[] { "iodineConcentrationAorta" })]
    [InlineData(null, null, new[] { "iodineConcentrationTumor", "iodineConcentrationAorta" })]
    public void Missing_measurements_are_named(string? tumor, string? aorta, string[] missing)
    {
        var result = NormalizedIodineConcentration.Compute(N(tumor), N(aorta));

        Assert.Null(result.Percent);
        Assert.Equal(missing, result.Missing);
    }

    [Theory]
    [InlineData("5", "0", CalculatorErrorCodes.NotPositive, "iodineConcentrationAorta")]
    [InlineData("-1", "20", CalculatorErrorCodes.NegativeValue, "iodineConcentrationTumor")]
    [InlineData("79228162514264337593543950335", "0.001", CalculatorErrorCodes.ResultOutOfRange, "iodineConcentrationAorta")]
    public void Unusable_values_are_problems(string tumor, string aorta, string code, string input)
    {
        var result = NormalizedIodineConcentration.Compute(D(tumor), D(aorta));

        Assert.False(result.IsComputable);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }
}
