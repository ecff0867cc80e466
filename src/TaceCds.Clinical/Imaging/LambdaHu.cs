using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Imaging;

/// <summary>The slope of the spectral Hounsfield-unit curve, in HU/keV.</summary>
public sealed record LambdaHuResult : CalculatorResult
{
    public decimal? HuPerKeV { get; init; }

    public override bool IsComputable => HuPerKeV is not null;
}

/// <summary>
/// λHU, the slope of the spectral attenuation curve from dual-energy CT (seed 004, Zhang et al.,
/// clinical-reference.md §7; evidence: seed): λHU = (CT₄₀keV − CT₉₀keV) / 50, in HU/keV (50 = 90 − 40 keV).
/// Attenuations may be negative (fat, air), so no sign check. Single-parameter cut-off in seed 004: λHU-AP 3.263.
/// </summary>
public static class LambdaHu
{
    public const string Citation = "Zhang et al. (seed 004): λHU = (CT40keV − CT90keV) / 50";

    private const decimal EnergySpanKeV = 90m - 40m;

    public static LambdaHuResult Compute(decimal? ct40Hu, decimal? ct90Hu)
    {
        var check = new InputCheck();
        var low = check.Present(ct40Hu, InputNames.Ct40KeV);
        var high = check.Present(ct90Hu, InputNames.Ct90KeV);
        if (low is not { } l || high is not { } h)
            return new LambdaHuResult { Missing = check.Missing };
        return new LambdaHuResult { HuPerKeV = (l - h) / EnergySpanKeV };
    }
}
