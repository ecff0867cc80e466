using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Imaging;

/// <summary>A normalized iodine concentration, in percent.</summary>
public sealed record NormalizedIodineConcentrationResult : CalculatorResult
{
    /// <summary>NIC in % (IC tumor / IC aorta × 100), full precision.</summary>
    public decimal? Percent { get; init; }

    public override bool IsComputable => Percent is not null;
}

/// <summary>
/// Normalized iodine concentration from dual-energy CT (seed 004, Zhang et al., clinical-reference.md §7;
/// evidence: seed): NIC = IC(tumor) / IC(aorta) × 100 %, both in mg/mL, same slice, arterial phase (the
/// caller pairs the measurements). NIC-AP enters the seed 004 nomogram in %; its single-parameter cut-off
/// was 21.471 %. An aortic IC of zero makes the ratio undefined: CALC102.
/// </summary>
public static class NormalizedIodineConcentration
{
    public const string Citation = "Zhang et al. (seed 004): NIC = IC tumor / IC aorta × 100 %";

    public static NormalizedIodineConcentrationResult Compute(decimal? icTumorMgPerMl, decimal? icAortaMgPerMl)
    {
        var check = new InputCheck();
        var tumor = check.NonNegative(icTumorMgPerMl, InputNames.IodineConcentrationTumor);
        var aorta = check.Positive(icAortaMgPerMl, InputNames.IodineConcentrationAorta);
        if (tumor is not { } t || aorta is not { } a || !check.IsComplete)
            return new NormalizedIodineConcentrationResult { Missing = check.Missing, Problems = check.Problems };
        if (check.Guard(() => t / a * 100m, InputNames.IodineConcentrationAorta) is not { } percent)
            return new NormalizedIodineConcentrationResult { Problems = check.Problems };
        return new NormalizedIodineConcentrationResult { Percent = percent };
    }
}
