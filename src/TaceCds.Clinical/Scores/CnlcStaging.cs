namespace TaceCds.Clinical.Scores;

/// <summary>A CNLC stage, or the inputs that are missing to decide it.</summary>
public sealed record CnlcResult : CalculatorResult
{
    /// <summary>"Ia" | "Ib" | "IIa" | "IIb" | "IIIa" | "IIIb" | "IV" (CodeSystem https://tacecds.org/fhir/CodeSystem/cnlc-stage).</summary>
    public string? Stage { get; init; }

    public override bool IsComputable => Stage is not null;
}

/// <summary>
/// China Liver Cancer (CNLC) staging, Chinese guideline for primary liver cancer 2019/2022 editions;
/// evidence: secondary (clinical-reference.md §6). Decision order, each step only reached when the
/// previous ones are ruled out:
/// <list type="number">
/// <item>IV: ECOG PS 3–4 or Child-Pugh C — whatever the tumor burden.</item>
/// <item>IIIb: extrahepatic metastasis (PS 0–2, Child-Pugh A/B), with or without vascular invasion.</item>
/// <item>IIIa: macrovascular invasion, no extrahepatic metastasis.</item>
/// <item>IIb: ≥ 4 tumors, whatever their size.</item>
/// <item>IIa: 2–3 tumors, largest &gt; 3 cm (30 mm).</item>
/// <item>Ib: single tumor &gt; 5 cm (50 mm), or 2–3 tumors all ≤ 3 cm (largest ≤ 30 mm).</item>
/// <item>Ia: single tumor ≤ 5 cm (50 mm).</item>
/// </list>
/// An absent input stops nothing by itself: the walk goes on while a known input can still decide the
/// stage (PS 3 gives IV even with no tumor data). When an absent input could change the answer, the stage
/// is not given and <see cref="CalculatorResult.Missing"/> lists exactly the absent inputs that matter.
/// An unknown Child-Pugh class does not block the stage when its maximum possible total rules out class C.
/// </summary>
public static class CnlcStaging
{
    public const string Citation = "Chinese guideline for the diagnosis and treatment of primary liver cancer (2019, 2022 editions)";

    public const string Ia = "Ia";
    public const string Ib = "Ib";
    public const string IIa = "IIa";
    public const string IIb = "IIb";
    public const string IIIa = "IIIa";
    public const string IIIb = "IIIb";
    public const string IV = "IV";

    /// <summary>All stages, least to most advanced.</summary>
    public static IReadOnlyList<string> Stages => StageOrder;

    private static readonly string[] StageOrder = [Ia, Ib, IIa, IIb, IIIa, IIIb, IV];

    private const decimal SingleTumorLimitMm = 50m;
    private const decimal FewTumorsLimitMm = 30m;

    public static CnlcResult Stage(StagingInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var check = new InputCheck();
        var ps = check.InRange(inputs.EcogPs, InputNames.EcogPs, 0, 4);
        var childPugh = check.Defined(inputs.ChildPughClass, InputNames.ChildPughClass);
        var count = check.InRange(inputs.TumorCount, InputNames.TumorCount, 1, int.MaxValue);
        var diameter = check.Positive(inputs.LargestDiameterMm, InputNames.LargestDiameter);
        if (check.HasProblems) return new CnlcResult { Problems = check.Problems };

        // Absent inputs met on the way whose value could still change the stage.
        var undecided = new List<string>();

        // 1. IV: general condition or liver function alone decide it.
        if (ps >= 3 || childPugh == ChildPughClass.C) return Decided(IV, undecided);
        if (ps is null) undecided.Add(InputNames.EcogPs);
        if (childPugh is null && !CannotBeClassC(inputs.ChildPughMaximumPoints)) undecided.Add(InputNames.ChildPughClass);

        // 2. IIIb: extrahepatic metastasis.
        if (inputs.ExtrahepaticSpread is true) return Decided(IIIb, undecided);
        if (inputs.ExtrahepaticSpread is null) undecided.Add(InputNames.ExtrahepaticSpread);

        // 3. IIIa: macrovascular invasion without extrahepatic metastasis.
        if (inputs.MacrovascularInvasion is true) return Decided(IIIa, undecided);
        if (inputs.MacrovascularInvasion is null) undecided.Add(InputNames.MacrovascularInvasion);

        // 4. Tumor number and size.
        if (count is not { } n)
        {
            undecided.Add(InputNames.TumorCount);
            if (diameter is null) undecided.Add(InputNames.LargestDiameter);
            return Decided(null, undecided);
        }
        if (n >= 4) return Decided(IIb, undecided);
        if (diameter is not { } largest)
        {
            undecided.Add(InputNames.LargestDiameter);
            return Decided(null, undecided);
        }
        var byBurden = n == 1
            ? (largest <= SingleTumorLimitMm ? Ia : Ib)
            : (largest <= FewTumorsLimitMm ? Ib : IIa);
        return Decided(byBurden, undecided);
    }

    /// <summary>
    /// CNLC needs only "Child-Pugh C or not" (clinical-reference.md §5): a maximum possible total ≤ 9, each missing or
    /// stale component counted as 3, rules out class C.
    /// </summary>
    public static bool CannotBeClassC(int? childPughMaximumPoints) =>
        childPughMaximumPoints is { } max && ChildPugh.IsValidScore(max) && ChildPugh.ClassFor(max) != ChildPughClass.C;

    /// <summary>TACE is an option in CNLC Ib–IIIb. Null for a string that is not a CNLC stage.</summary>
    public static bool? IsTaceIndicated(string? stage) => IndexOf(stage) is { } i
        ? i >= Array.IndexOf(StageOrder, Ib) && i <= Array.IndexOf(StageOrder, IIIb)
        : null;

    /// <summary>TACE is the first-choice treatment in CNLC IIb and IIIa. Null for a string that is not a CNLC stage.</summary>
    public static bool? IsTaceFirstChoice(string? stage) => IndexOf(stage) is not null
        ? stage is IIb or IIIa
        : null;

    private static int? IndexOf(string? stage)
    {
        var i = stage is null ? -1 : Array.IndexOf(StageOrder, stage);
        return i < 0 ? null : i;
    }

    private static CnlcResult Decided(string? stage, List<string> undecided) =>
        undecided.Count == 0
            ? new CnlcResult { Stage = stage }
            : new CnlcResult { Missing = undecided };
}
