using TaceCds.Clinical.Imaging;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Tests.Imaging;

public class EffectiveDoseTests
{
    [Fact]
    public void The_seed_factor_is_0_015_and_is_returned_with_the_dose()
    {
        var result = EffectiveDose.FromDlp(1000m);

        Assert.True(result.IsComputable);
        Assert.Equal(15m, result.MilliSievert);
        Assert.Equal(0.015m, result.ConversionFactor);
        Assert.Equal(0.015m, EffectiveDose.DefaultConversionFactor);
    }

    [Fact]
    public void Another_factor_is_used_and_stated()
    {
        var result = EffectiveDose.FromDlp(523.4m, 0.021m);

        Assert.Equal(10.9914m, result.MilliSievert);
        Assert.Equal(0.021m, result.ConversionFactor);
    }

    [Fact]
    public void A_missing_DLP_is_named_and_the_factor_still_stated()
    {
        var result = EffectiveDose.FromDlp(null);

        Assert.Null(result.MilliSievert);
        Assert.Equal(new[] { "doseLengthProduct" }, result.Missing);
        Assert.Equal(0.015m, result.ConversionFactor);
    }

    [Theory]
    [InlineData(-1.0, 0.015, CalculatorErrorCodes.NegativeValue, "doseLengthProduct")]
    [InlineData(100.0, 0.0, CalculatorErrorCodes.NotPositive, "doseConversionFactor")]
    public void Unusable_values_are_problems(double dlp, double factor, string code, string input)
    {
        var result = EffectiveDose.FromDlp((decimal)dlp, (decimal)factor);

        Assert.Null(result.MilliSievert);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }
}
