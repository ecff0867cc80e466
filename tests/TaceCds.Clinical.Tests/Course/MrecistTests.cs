using TaceCds.Clinical.Response;

namespace TaceCds.Clinical.Tests.Course;

/// <summary>mRECIST thresholds (Lencioni &amp; Llovet 2010): PR ≤ −30 % vs baseline, PD ≥ +20 % vs nadir, CR = no viable tumor.</summary>
public class MrecistTests
{
    [Theory]
    [InlineData(0, 40, 40, MrecistCategory.CR)]
    [InlineData(28, 40, 40, MrecistCategory.PR)]     // exactly −30 % of baseline
    [InlineData(28.1, 40, 40, MrecistCategory.SD)]   // −29.75 %
    [InlineData(48, 40, 40, MrecistCategory.PD)]     // exactly +20 % of nadir (= baseline)
    [InlineData(47.9, 40, 40, MrecistCategory.SD)]
    [InlineData(24, 40, 20, MrecistCategory.PD)]     // +20 % from a nadir of 20, still −40 % vs baseline
    [InlineData(23.9, 40, 20, MrecistCategory.PR)]
    [InlineData(5, 40, 0, MrecistCategory.PD)]       // viable tumor back after a CR
    public void Target_response_uses_baseline_for_PR_and_nadir_for_PD(decimal sum, decimal baseline, decimal nadir, MrecistCategory expected) =>
        Assert.Equal(expected, Mrecist.TargetResponse(sum, baseline, nadir));

    [Theory]
    [InlineData(24, 40, MrecistCategory.PR)]
    [InlineData(48, 40, MrecistCategory.PD)]
    [InlineData(47.9, 40, MrecistCategory.SD)]
    [InlineData(0, 40, MrecistCategory.CR)]
    public void Response_versus_baseline_ignores_the_nadir(decimal sum, decimal baseline, MrecistCategory expected) =>
        Assert.Equal(expected, Mrecist.ResponseVersusBaseline(sum, baseline));

    [Theory]
    [InlineData(52, 38, 36.8)]
    [InlineData(30, 40, -25.0)]
    [InlineData(40, 40, 0.0)]
    public void Percent_change_is_rounded_to_a_tenth(decimal sum, decimal reference, decimal expected) =>
        Assert.Equal(expected, Mrecist.PercentChange(sum, reference));

    [Fact]
    public void Percent_change_from_zero_is_undefined() => Assert.Null(Mrecist.PercentChange(5, 0));

    [Theory]
    [InlineData(MrecistCategory.CR, NonTargetCategory.CR, false, false, MrecistCategory.CR)]
    [InlineData(MrecistCategory.CR, NonTargetCategory.IRSD, false, false, MrecistCategory.PR)]
    [InlineData(MrecistCategory.CR, null, false, false, MrecistCategory.PR)]
    [InlineData(MrecistCategory.CR, null, false, true, MrecistCategory.CR)]
    [InlineData(MrecistCategory.PR, NonTargetCategory.IRSD, false, false, MrecistCategory.PR)]
    [InlineData(MrecistCategory.PR, null, false, false, MrecistCategory.PR)]
    [InlineData(MrecistCategory.SD, NonTargetCategory.CR, false, false, MrecistCategory.SD)]
    [InlineData(MrecistCategory.PR, NonTargetCategory.PD, false, false, MrecistCategory.PD)]
    [InlineData(MrecistCategory.CR, NonTargetCategory.CR, true, false, MrecistCategory.PD)]
    [InlineData(MrecistCategory.PD, NonTargetCategory.CR, false, false, MrecistCategory.PD)]
    public void Overall_response_follows_the_RECIST_table(MrecistCategory target, NonTargetCategory? nonTarget, bool newLesion, bool noNonTargetReported, MrecistCategory expected) =>
        Assert.Equal(expected, Mrecist.OverallResponse(target, nonTarget, newLesion, noNonTargetReported));
}
