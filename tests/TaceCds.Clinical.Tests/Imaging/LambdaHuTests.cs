using TaceCds.Clinical.Imaging;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Imaging;

public class LambdaHuTests
{
    [Theory]
    // CT 40 keV, CT 90 keV (HU) → λHU (HU/keV)
    [InlineData("250", "86.85", "3.263")]  // lands on the seed 004 λHU-AP cut-off
    [InlineData("300", "100", "4")]
    [InlineData("100", "120", "-0.4")]
    [InlineData("-50", "-50", "0")]
    public void Slope_over_the_50_keV_span(string ct40, string ct90, string lambda)
    {
        var result = LambdaHu.Compute(D(ct40), D(ct90));

        Assert.True(result.IsComputable);
        Assert.Equal(D(lambda), result.HuPerKeV);
    }

    [Theory]
    [InlineData(null, "80", new[] { "ct40keV" })]
    [InlineData("200", null, new[] { "ct90keV" })]
    [InlineData(null, null, new[] { "ct40keV", "ct90keV" })]
    public void Missing_attenuations_are_named(string? ct40, string? ct90, string[] missing)
    {
        var result = LambdaHu.Compute(N(ct40), N(ct90));

        Assert.Null(result.HuPerKeV);
        Assert.Equal(missing, result.Missing);
    }
}
