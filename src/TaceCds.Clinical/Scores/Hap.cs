namespace TaceCds.Clinical.Scores;

/// <summary>A HAP or mHAP-II calculation.</summary>
public sealed record HapResult : CalculatorResult
{
    /// <summary>"HAP" or "mHAP-II".</summary>
    public required string Model { get; init; }

    public int? TumorSizePoints { get; init; }
    public int? AfpPoints { get; init; }
    public int? AlbuminPoints { get; init; }
    public int? BilirubinPoints { get; init; }

    /// <summary>mHAP-II only: 1 for ≥ 2 tumors. Null for HAP.</summary>
    public int? TumorCountPoints { get; init; }

    /// <summary>The total, only when every component is known.</summary>
    public int? Points { get; init; }

    /// <summary>"A" 0, "B" 1, "C" 2, "D" ≥ 3. Decided with inputs missing only when the known points already reach D.</summary>
    public string? Class { get; init; }

    public override bool IsComputable => Points is not null;
}

/// <summary>
/// Hepatoma Arterial-embolisation Prognostic score (Kadalayil et al., Ann Oncol 2013;24:2565-2570;
/// evidence: confirmed from a validation table, clinical-reference.md §4): 1 point each for largest tumor
/// &gt; 7 cm (70 mm), AFP &gt; 400 ng/mL, albumin &lt; 36 g/L, bilirubin &gt; 17 µmol/L; class A 0, B 1, C 2, D ≥ 3.
/// mHAP-II (evidence: secondary) adds 1 point for ≥ 2 tumors, same classes.
/// </summary>
public static class Hap
{
    public const string Citation = "Kadalayil L et al. Ann Oncol 2013;24:2565-2570";

    public const string HapModel = "HAP";
    public const string MHap2Model = "mHAP-II";

    public static HapResult Compute(decimal? largestDiameterMm, decimal? afpNgPerMl, decimal? albuminGPerL, decimal? bilirubinUmolPerL) =>
        Calculate(HapModel, largestDiameterMm, afpNgPerMl, albuminGPerL, bilirubinUmolPerL, tumorCount: null);

    public static HapResult ComputeMHap2(
        decimal? largestDiameterMm, decimal? afpNgPerMl, decimal? albuminGPerL, decimal? bilirubinUmolPerL, int? tumorCount) =>
        Calculate(MHap2Model, largestDiameterMm, afpNgPerMl, albuminGPerL, bilirubinUmolPerL, tumorCount);

    public static string ClassFor(int points) => points switch
    {
        0 => "A",
        1 => "B",
        2 => "C",
        >= 3 => "D",
        _ => throw new ArgumentOutOfRangeException(nameof(points), points, "HAP points are not negative."),
    };

    private static HapResult Calculate(
        string model, decimal? largestDiameterMm, decimal? afpNgPerMl, decimal? albuminGPerL, decimal? bilirubinUmolPerL, int? tumorCount)
    {
        var check = new InputCheck();
        int? size = check.Positive(largestDiameterMm, InputNames.LargestDiameter) is { } d ? (d > 70m ? 1 : 0) : null;
        int? afp = check.NonNegative(afpNgPerMl, InputNames.Afp) is { } f ? (f > 400m ? 1 : 0) : null;
        int? albumin = check.NonNegative(albuminGPerL, InputNames.Albumin) is { } a ? (a < 36m ? 1 : 0) : null;
        int? bilirubin = check.NonNegative(bilirubinUmolPerL, InputNames.Bilirubin) is { } b ? (b > 17m ? 1 : 0) : null;
        int? count = model == MHap2Model
            ? check.InRange(tumorCount, InputNames.TumorCount, 1, int.MaxValue) is { } n ? (n >= 2 ? 1 : 0) : null
            : null;

        var result = new HapResult
        {
            Model = model,
            TumorSizePoints = size,
            AfpPoints = afp,
            AlbuminPoints = albumin,
            BilirubinPoints = bilirubin,
            TumorCountPoints = count,
            Missing = check.Missing,
            Problems = check.Problems,
        };
        if (check.HasProblems) return result;

        var known = (size ?? 0) + (afp ?? 0) + (albumin ?? 0) + (bilirubin ?? 0) + (count ?? 0);
        if (check.Missing.Count == 0) return result with { Points = known, Class = ClassFor(known) };
        return known >= 3 ? result with { Class = ClassFor(known) } : result;
    }
}
