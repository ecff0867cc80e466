namespace TaceCds.Clinical.Response;

/// <summary>
/// mRECIST for HCC (Lencioni &amp; Llovet 2010; clinical-reference.md §1). Sums are of viable (arterially enhancing)
/// longest diameters in mm, compared exactly in decimal so that a boundary (−30 %, +20 %) is never lost to rounding.
/// </summary>
public static class Mrecist
{
    /// <summary>PR: the sum decreased by at least 30 % from the baseline sum.</summary>
    public const decimal PartialResponseRatio = 0.70m;
    /// <summary>PD: the sum increased by at least 20 % from the nadir.</summary>
    public const decimal ProgressionRatio = 1.20m;

    /// <summary>
    /// The target-lesion response: CR when no viable tumor is left; PD when the sum is ≥ 120 % of the nadir (the
    /// smallest sum since treatment started, baseline included; any viable tumor after a nadir of 0 is PD);
    /// PR when ≤ 70 % of the baseline sum; SD otherwise.
    /// </summary>
    public static MrecistCategory TargetResponse(decimal sum, decimal baselineSum, decimal nadirSum)
    {
        if (sum == 0) return MrecistCategory.CR;
        if (nadirSum == 0 || sum >= nadirSum * ProgressionRatio) return MrecistCategory.PD;
        if (sum <= baselineSum * PartialResponseRatio) return MrecistCategory.PR;
        return MrecistCategory.SD;
    }

    /// <summary>The same thresholds against the baseline sum only (what the CCI definition asks: "PD vs before the first TACE").</summary>
    public static MrecistCategory ResponseVersusBaseline(decimal sum, decimal baselineSum) =>
        TargetResponse(sum, baselineSum, baselineSum);

    /// <summary>Percent change from a reference sum, rounded to 0.1; null when the reference is 0.</summary>
    public static decimal? PercentChange(decimal sum, decimal reference) =>
        reference == 0 ? null : Math.Round((sum - reference) / reference * 100m, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Overall response (standard RECIST logic, clinical-reference.md §1): a new lesion, non-target PD or target PD → PD;
    /// target CR + non-target CR → CR; target CR + non-target IR/SD or not evaluated → PR; target PR → PR; target SD → SD.
    /// <paramref name="noNonTargetEverReported"/>: no non-target assessment was reported in the whole course: the patient is taken to have none (stated as an assumption by the caller), so a target CR is a CR.
    /// </summary>
    public static MrecistCategory OverallResponse(MrecistCategory target, NonTargetCategory? nonTarget, bool newLesion, bool noNonTargetEverReported)
    {
        if (newLesion || nonTarget == NonTargetCategory.PD || target == MrecistCategory.PD) return MrecistCategory.PD;
        return target switch
        {
            MrecistCategory.CR when nonTarget == NonTargetCategory.CR || (nonTarget is null && noNonTargetEverReported) => MrecistCategory.CR,
            MrecistCategory.CR => MrecistCategory.PR,
            _ => target,
        };
    }
}
