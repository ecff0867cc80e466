namespace TaceCds.Clinical.Scores;

/// <summary>
/// A Child-Pugh calculation. <see cref="Points"/> is given only when all five components are present.
/// <see cref="Class"/> can be decided with components missing, when every possible value of the missing
/// ones (1 to 3 points each) lands in the same class: e.g. three components at 3 points already make class C.
/// </summary>
public sealed record ChildPughResult : CalculatorResult
{
    public int? BilirubinPoints { get; init; }
    public int? AlbuminPoints { get; init; }
    public int? InrPoints { get; init; }
    public int? AscitesPoints { get; init; }
    public int? EncephalopathyPoints { get; init; }

    /// <summary>Total 5–15, only when all five components are present.</summary>
    public int? Points { get; init; }

    /// <summary>The class, when the total or the known components decide it.</summary>
    public ChildPughClass? Class { get; init; }

    /// <summary>The lowest and highest totals the known components allow (null when an input is unusable).</summary>
    public int? MinimumPoints { get; init; }
    public int? MaximumPoints { get; init; }

    public override bool IsComputable => Points is not null;
}

/// <summary>
/// Child-Pugh score (Pugh et al., Br J Surg 1973;60:646-649), as encoded in clinical-reference.md §5
/// (standard thresholds; the reference gives no evidence grade). Points per component:
/// bilirubin graded in the unit the lab reported it — mg/dL &lt; 2 1, 2–3 2, &gt; 3 3 (Pugh's bands in mg/100 mL);
/// µmol/L &lt; 34 1, 34–51 2, &gt; 51 3 (the SI table); albumin &gt; 35 g/L 1, 28–35 2, &lt; 28 3;
/// INR &lt; 1.7 1, 1.7–2.3 2, &gt; 2.3 3, or, when INR is absent, PT prolongation &lt; 4 s 1, 4–6 s 2, &gt; 6 s 3;
/// ascites none 1, mild 2, moderate–severe 3; encephalopathy none 1, grade 1–2 2, grade 3–4 3. Boundary values
/// belong to the middle band (2 and 3 mg/dL, 34 and 51 µmol/L, 28 and 35 g/L, INR 1.7 and 2.3, PT 4 and 6 s score 2).
/// Class A 5–6, B 7–9, C 10–15. Thresholds are decimals so that INR 1.7 is exactly 1.7, never a binary approximation.
/// Albumin is in g/L (g/dL × 10 is exact); bilirubin is never converted before grading.
/// </summary>
public static class ChildPugh
{
    public const string Citation = "Pugh RN et al. Br J Surg 1973;60:646-649";

    private const int ComponentCount = 5;

    /// <summary>Child-Pugh with bilirubin in µmol/L and INR (no PT prolongation).</summary>
    public static ChildPughResult Compute(
        decimal? bilirubinUmolPerL,
        decimal? albuminGPerL,
        decimal? inr,
        Ascites? ascites,
        HepaticEncephalopathy? encephalopathy) =>
        Compute(bilirubinUmolPerL is { } b ? LabQuantity.MicromolesPerLiter(b) : null, albuminGPerL, inr, null, ascites, encephalopathy);

    /// <summary>
    /// Child-Pugh with bilirubin in its reported unit; PT prolongation (seconds) is read only when INR is absent.
    /// With neither, the coagulation component is missing as "inr".
    /// </summary>
    public static ChildPughResult Compute(
        LabQuantity? bilirubin,
        decimal? albuminGPerL,
        decimal? inr,
        decimal? ptProlongationSeconds,
        Ascites? ascites,
        HepaticEncephalopathy? encephalopathy)
    {
        var check = new InputCheck();
        int? bilirubinPoints = check.Present(bilirubin, InputNames.Bilirubin) is { } b ? GradeBilirubin(b, check) : null;
        int? albumin = check.NonNegative(albuminGPerL, InputNames.Albumin) is { } a ? AlbuminPoints(a) : null;
        int? inrPoints = inr is null && ptProlongationSeconds is not null
            ? check.NonNegative(ptProlongationSeconds, InputNames.PtProlongation) is { } pt ? PtProlongationPoints(pt) : null
            : check.Positive(inr, InputNames.Inr) is { } i ? InrPoints(i) : null;
        int? ascitesPoints = check.Defined(ascites, InputNames.Ascites) is { } asc ? AscitesPoints(asc) : null;
        int? hePoints = check.Defined(encephalopathy, InputNames.Encephalopathy) is { } he ? EncephalopathyPoints(he) : null;

        var result = new ChildPughResult
        {
            BilirubinPoints = bilirubinPoints,
            AlbuminPoints = albumin,
            InrPoints = inrPoints,
            AscitesPoints = ascitesPoints,
            EncephalopathyPoints = hePoints,
            Missing = check.Missing,
            Problems = check.Problems,
        };
        if (check.HasProblems) return result;

        int?[] components = [bilirubinPoints, albumin, inrPoints, ascitesPoints, hePoints];
        var known = components.Where(p => p is not null).Sum(p => p!.Value);
        var missingCount = components.Count(p => p is null);
        var min = known + missingCount * 1;
        var max = known + missingCount * 3;
        var lowClass = ClassFor(min);
        var decidedClass = lowClass == ClassFor(max) ? lowClass : (ChildPughClass?)null;

        return result with
        {
            Points = missingCount == 0 ? known : null,
            Class = decidedClass,
            MinimumPoints = min,
            MaximumPoints = max,
        };
    }

    /// <summary>Class for a total of 5–15 points. Outside that range there is no class: ArgumentOutOfRangeException.</summary>
    public static ChildPughClass ClassFor(int points) => points switch
    {
        >= 5 and <= 6 => ChildPughClass.A,
        >= 7 and <= 9 => ChildPughClass.B,
        >= 10 and <= 15 => ChildPughClass.C,
        _ => throw new ArgumentOutOfRangeException(nameof(points), points, "A Child-Pugh score is between 5 and 15."),
    };

    /// <summary>True when <paramref name="points"/> is a possible Child-Pugh total (5–15).</summary>
    public static bool IsValidScore(int points) => points is >= 5 and <= 15;

    /// <summary>Points for bilirubin in µmol/L: &lt; 34 1, 34–51 2, &gt; 51 3.</summary>
    public static int BilirubinPoints(decimal bilirubinUmolPerL) =>
        bilirubinUmolPerL < 34m ? 1 : bilirubinUmolPerL <= 51m ? 2 : 3;

    /// <summary>Points for bilirubin in mg/dL (Pugh's mg/100 mL bands): &lt; 2 1, 2–3 2, &gt; 3 3.</summary>
    public static int BilirubinPointsMgPerDl(decimal bilirubinMgPerDl) =>
        bilirubinMgPerDl < 2m ? 1 : bilirubinMgPerDl <= 3m ? 2 : 3;

    /// <summary>
    /// Points for bilirubin on the scale of its reported unit; null for a unit with no Child-Pugh scale. mmol/L is
    /// graded on the µmol/L scale: × 1000 is a change of prefix, exact, and moves no boundary.
    /// </summary>
    public static int? BilirubinPoints(LabQuantity bilirubin) => bilirubin.Unit switch
    {
        LabQuantity.MilligramPerDeciliter => BilirubinPointsMgPerDl(bilirubin.Value),
        LabQuantity.MicromolPerLiter => BilirubinPoints(bilirubin.Value),
        LabQuantity.MillimolPerLiter => BilirubinPoints(bilirubin.Value * 1000m),
        _ => null,
    };

    /// <summary>Points for prothrombin time prolongation in seconds, used when INR is absent: &lt; 4 1, 4–6 2, &gt; 6 3.</summary>
    public static int PtProlongationPoints(decimal seconds) =>
        seconds < 4m ? 1 : seconds <= 6m ? 2 : 3;

    public static int AlbuminPoints(decimal albuminGPerL) =>
        albuminGPerL > 35m ? 1 : albuminGPerL >= 28m ? 2 : 3;

    public static int InrPoints(decimal inr) =>
        inr < 1.7m ? 1 : inr <= 2.3m ? 2 : 3;

    private static int? GradeBilirubin(LabQuantity bilirubin, InputCheck check)
    {
        if (bilirubin.Value < 0m)
        {
            check.Problem(CalculatorErrorCodes.NegativeValue, InputNames.Bilirubin, $"{InputNames.Bilirubin} must not be negative (was {bilirubin.Value} {bilirubin.Unit}).");
            return null;
        }
        if (BilirubinPoints(bilirubin) is { } points) return points;
        check.Problem(CalculatorErrorCodes.UnrecognizedValue, InputNames.Bilirubin,
            $"{InputNames.Bilirubin} in '{bilirubin.Unit}' has no Child-Pugh scale (mg/dL, umol/L or mmol/L).");
        return null;
    }

    public static int AscitesPoints(Ascites ascites) => ascites switch
    {
        Ascites.None => 1,
        Ascites.Mild => 2,
        Ascites.ModerateSevere => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(ascites), ascites, "Undefined ascites grade."),
    };

    public static int EncephalopathyPoints(HepaticEncephalopathy encephalopathy) => encephalopathy switch
    {
        HepaticEncephalopathy.None => 1,
        HepaticEncephalopathy.Grade1To2 => 2,
        HepaticEncephalopathy.Grade3To4 => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(encephalopathy), encephalopathy, "Undefined encephalopathy grade."),
    };

    /// <summary>
    /// The Child-Pugh score to use downstream (clinical-reference.md §5): the computed score when all five
    /// components are present, otherwise the reported one. When both exist and disagree the computed score
    /// is used and <see cref="ChildPughReconciliation.Disagreement"/> says so. With incomplete components,
    /// a reported score outside the range the known components allow is flagged too.
    /// </summary>
    public static ChildPughReconciliation Reconcile(ChildPughResult? computed, int? reportedPoints)
    {
        var problems = new List<InputProblem>(computed?.Problems ?? []);
        int? reported = reportedPoints;
        if (reported is { } r && !IsValidScore(r))
        {
            problems.Add(new InputProblem(CalculatorErrorCodes.OutOfRange, InputNames.ReportedChildPughScore,
                $"{InputNames.ReportedChildPughScore} must be between 5 and 15 (was {r})."));
            reported = null;
        }

        if (computed is { Points: { } points })
        {
            string? disagreement = reported is { } rep && rep != points
                ? $"Reported Child-Pugh score {rep} differs from the score computed from its components ({points}); the computed score is used."
                : null;
            return new ChildPughReconciliation
            {
                Points = points,
                Class = ClassFor(points),
                Source = ChildPughSource.Computed,
                Disagreement = disagreement,
                Problems = problems,
            };
        }

        if (reported is { } used)
        {
            string? disagreement = computed is { MinimumPoints: { } min, MaximumPoints: { } max } && (used < min || used > max)
                ? $"Reported Child-Pugh score {used} is outside the range its known components allow ({min}–{max}); the reported score is used because components are missing."
                : null;
            return new ChildPughReconciliation
            {
                Points = used,
                Class = ClassFor(used),
                Source = ChildPughSource.Reported,
                Disagreement = disagreement,
                Problems = problems,
            };
        }

        IReadOnlyList<string> missingComponents = computed?.Missing
            ?? [InputNames.Bilirubin, InputNames.Albumin, InputNames.Inr, InputNames.Ascites, InputNames.Encephalopathy];
        return new ChildPughReconciliation
        {
            Class = computed?.Class,
            Source = computed?.Class is null ? null : ChildPughSource.Computed,
            Missing = [.. missingComponents, InputNames.ReportedChildPughScore],
            Problems = problems,
        };
    }
}
