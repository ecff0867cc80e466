namespace TaceCds.Clinical.Scores;

/// <summary>A BCLC stage with the assumptions made to reach it, or the inputs missing to decide it.</summary>
public sealed record BclcResult : CalculatorResult
{
    /// <summary>"0" | "A" | "B" | "C" | "D" (CodeSystem https://tacecds.org/fhir/CodeSystem/bclc-stage).</summary>
    public string? Stage { get; init; }

    /// <summary>Assumptions a clinician must see next to the stage (e.g. preserved liver function assumed for Child-Pugh B).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public override bool IsComputable => Stage is not null;
}

/// <summary>
/// Barcelona Clinic Liver Cancer staging, 2022 update (Reig et al., J Hepatol 2022;76:681-693);
/// evidence: secondary (clinical-reference.md §6). Decision order, each step only reached when the
/// previous ones are ruled out:
/// <list type="number">
/// <item>D: end-stage liver function (Child-Pugh C) or ECOG PS &gt; 2.</item>
/// <item>C: portal / macrovascular invasion and/or extrahepatic spread, or PS 1–2.</item>
/// <item>B: PS 0, multinodular beyond A: ≥ 4 nodules, or 2–3 nodules with the largest &gt; 3 cm (30 mm).</item>
/// <item>A: PS 0, single nodule &gt; 2 cm (any size), or 2–3 nodules all ≤ 3 cm (largest ≤ 30 mm).</item>
/// <item>0: PS 0, single nodule ≤ 2 cm (20 mm), preserved liver function.</item>
/// </list>
/// Choices made here, because BCLC 2022 defines liver function clinically rather than by a class:
/// Child-Pugh C is taken as end-stage; Child-Pugh B is not, so it is staged by tumor burden and PS and the
/// result carries a note that preserved liver function was assumed (the clinician may judge it end-stage,
/// which would make the stage D). Child-Pugh A is taken as preserved. As for CNLC, an absent input that
/// could change the stage makes the stage not computable, with exactly those inputs in Missing.
/// </summary>
public static class BclcStaging
{
    public const string Citation = "Reig M et al. J Hepatol 2022;76:681-693 (BCLC 2022)";

    public const string Stage0 = "0";
    public const string StageA = "A";
    public const string StageB = "B";
    public const string StageC = "C";
    public const string StageD = "D";

    public const string ChildPughBAssumedPreservedNote =
        "Preserved liver function assumed for Child-Pugh B: staged by tumor burden and performance status, not as end-stage (D).";

    private const decimal VerySmallSingleLimitMm = 20m;
    private const decimal FewNodulesLimitMm = 30m;

    public static BclcResult Stage(StagingInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var check = new InputCheck();
        var ps = check.InRange(inputs.EcogPs, InputNames.EcogPs, 0, 4);
        var childPugh = check.Defined(inputs.ChildPughClass, InputNames.ChildPughClass);
        var count = check.InRange(inputs.TumorCount, InputNames.TumorCount, 1, int.MaxValue);
        var diameter = check.Positive(inputs.LargestDiameterMm, InputNames.LargestDiameter);
        if (check.HasProblems) return new BclcResult { Problems = check.Problems };

        var undecided = new List<string>();

        // D: end-stage liver function or PS 3–4.
        if (ps > 2 || childPugh == ChildPughClass.C) return new BclcResult { Stage = StageD };
        if (ps is null) undecided.Add(InputNames.EcogPs);
        if (childPugh is null) undecided.Add(InputNames.ChildPughClass);

        // C: vascular invasion, extrahepatic spread or PS 1–2.
        if (inputs.MacrovascularInvasion is true || inputs.ExtrahepaticSpread is true || ps is 1 or 2)
            return Decided(StageC, undecided, childPugh);
        if (inputs.MacrovascularInvasion is null) undecided.Add(InputNames.MacrovascularInvasion);
        if (inputs.ExtrahepaticSpread is null) undecided.Add(InputNames.ExtrahepaticSpread);

        // PS 0 from here: tumor burden decides 0, A or B.
        if (count is not { } n)
        {
            undecided.Add(InputNames.TumorCount);
            if (diameter is null) undecided.Add(InputNames.LargestDiameter);
            return Decided(null, undecided, childPugh);
        }
        if (n >= 4) return Decided(StageB, undecided, childPugh);
        if (diameter is not { } largest)
        {
            undecided.Add(InputNames.LargestDiameter);
            return Decided(null, undecided, childPugh);
        }
        var byBurden = n == 1
            ? (largest <= VerySmallSingleLimitMm ? Stage0 : StageA)
            : (largest <= FewNodulesLimitMm ? StageA : StageB);
        return Decided(byBurden, undecided, childPugh);
    }

    private static BclcResult Decided(string? stage, List<string> undecided, ChildPughClass? childPugh)
    {
        if (undecided.Count > 0) return new BclcResult { Missing = undecided };
        return new BclcResult
        {
            Stage = stage,
            Notes = childPugh == ChildPughClass.B ? [ChildPughBAssumedPreservedNote] : [],
        };
    }
}
