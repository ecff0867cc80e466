namespace TaceCds.Clinical.Scores;

/// <summary>An ABCR score: the components, the total and the prognosis band.</summary>
public sealed record AbcrResult : CalculatorResult
{
    /// <summary>1 when baseline AFP ≥ 200 ng/mL, else 0.</summary>
    public int? AfpPoints { get; init; }

    /// <summary>BCLC A 0, B 2, C 3.</summary>
    public int? BclcPoints { get; init; }

    /// <summary>2 when the Child-Pugh score rose by ≥ 2 after the 1st TACE, else 0.</summary>
    public int? ChildPughPoints { get; init; }

    /// <summary>−3 for an objective (mRECIST CR/PR) response after the 1st TACE, else 0.</summary>
    public int? ResponsePoints { get; init; }

    /// <summary>The total, only when every component is known.</summary>
    public int? Points { get; init; }

    /// <summary>
    /// "good-prognosis" (≤ 0) | "intermediate" (1–3) | "consider-not-retreating" (≥ 4). Decided with inputs
    /// missing when every possible value of the missing components gives the same band.
    /// </summary>
    public string? Band { get; init; }

    /// <summary>False when the baseline BCLC stage is 0 or D: the score was not defined for those patients.</summary>
    public bool IsApplicable { get; init; } = true;

    public override bool IsComputable => Points is not null;
}

/// <summary>
/// ABCR score, AFP-BCLC-Child-Pugh-Response (Adhoute et al., J Hepatol 2015;62:855-862; evidence: secondary,
/// to verify, clinical-reference.md §4): AFP ≥ 200 ng/mL → 1; BCLC A 0, B 2, C 3; Child-Pugh score increase
/// ≥ 2 after the 1st TACE → 2; radiologic (mRECIST) objective response after the 1st TACE → −3.
/// ≤ 0 good prognosis; ≥ 4 before the 2nd TACE: consider not retreating. The score was built on BCLC A–C
/// patients: a baseline stage of 0 or D is reported as not applicable (CALC104), an unknown stage as CALC105.
/// </summary>
public static class AbcrScore
{
    public const string Citation = "Adhoute X et al. J Hepatol 2015;62:855-862";

    public const string GoodPrognosis = "good-prognosis";
    public const string Intermediate = "intermediate";
    public const string ConsiderNotRetreating = "consider-not-retreating";

    public static AbcrResult Compute(
        decimal? afpBaselineNgPerMl,
        string? bclcStageBaseline,
        int? childPughPointsBeforeFirst,
        int? childPughPointsAfterFirst,
        bool? objectiveResponseAfterFirst)
    {
        var check = new InputCheck();
        int? afpPoints = check.NonNegative(afpBaselineNgPerMl, InputNames.AfpBaseline) is { } afp ? (afp >= 200m ? 1 : 0) : null;
        var (bclcPoints, applicable) = BclcPoints(bclcStageBaseline, check);
        var cp1 = check.InRange(childPughPointsBeforeFirst, InputNames.ChildPughPointsBeforeFirstTace, 5, 15);
        var cp2 = check.InRange(childPughPointsAfterFirst, InputNames.ChildPughPointsAfterFirstTace, 5, 15);
        int? cpPoints = cp1 is { } c1 && cp2 is { } c2 ? (c2 - c1 >= 2 ? 2 : 0) : null;
        int? responsePoints = check.Present(objectiveResponseAfterFirst, InputNames.ObjectiveResponseAfterFirstTace) is { } r
            ? (r ? -3 : 0)
            : null;

        var result = new AbcrResult
        {
            AfpPoints = afpPoints,
            BclcPoints = bclcPoints,
            ChildPughPoints = cpPoints,
            ResponsePoints = responsePoints,
            IsApplicable = applicable,
            Missing = check.Missing,
            Problems = check.Problems,
        };
        if (check.HasProblems) return result;

        var min = (afpPoints ?? 0) + (bclcPoints ?? 0) + (cpPoints ?? 0) + (responsePoints ?? -3);
        var max = (afpPoints ?? 1) + (bclcPoints ?? 3) + (cpPoints ?? 2) + (responsePoints ?? 0);
        if (check.Missing.Count == 0) return result with { Points = min, Band = BandFor(min) };
        var low = BandFor(min);
        return low == BandFor(max) ? result with { Band = low } : result;
    }

    public static string BandFor(int points) =>
        points <= 0 ? GoodPrognosis : points >= 4 ? ConsiderNotRetreating : Intermediate;

    private static (int? Points, bool Applicable) BclcPoints(string? stage, InputCheck check)
    {
        switch (stage)
        {
            case null:
                check.Absent(InputNames.BclcStageBaseline);
                return (null, true);
            case BclcStaging.StageA: return (0, true);
            case BclcStaging.StageB: return (2, true);
            case BclcStaging.StageC: return (3, true);
            case BclcStaging.Stage0 or BclcStaging.StageD:
                check.Problem(CalculatorErrorCodes.NotApplicable, InputNames.BclcStageBaseline,
                    $"ABCR is defined for BCLC A–C; baseline BCLC {stage} is outside its population.");
                return (null, false);
            default:
                check.Problem(CalculatorErrorCodes.UnrecognizedValue, InputNames.BclcStageBaseline,
                    $"{InputNames.BclcStageBaseline} must be one of 0, A, B, C, D (was '{stage}').");
                return (null, true);
        }
    }
}
