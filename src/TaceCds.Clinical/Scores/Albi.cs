namespace TaceCds.Clinical.Scores;

/// <summary>An ALBI calculation: the linear predictor, its grade and its modified (mALBI) grade.</summary>
public sealed record AlbiResult : CalculatorResult
{
    /// <summary>The unrounded ALBI value; grades are assigned on it.</summary>
    public double? Value { get; init; }

    /// <summary>The value rounded to 2 decimals for display (midpoint away from zero). Never grade on this.</summary>
    public decimal? Rounded { get; init; }

    /// <summary>"1" | "2" | "3".</summary>
    public string? Grade { get; init; }

    /// <summary>mALBI: "1" | "2a" | "2b" | "3".</summary>
    public string? ModifiedGrade { get; init; }

    public override bool IsComputable => Value is not null;
}

/// <summary>
/// ALBI score (Johnson et al., J Clin Oncol 2015;33:550-558; evidence: confirmed, clinical-reference.md §5):
/// ALBI = log10(bilirubin µmol/L) × 0.66 + albumin g/L × (−0.085).
/// Grade 1 ≤ −2.60; grade 2 &gt; −2.60 to ≤ −1.39; grade 3 &gt; −1.39.
/// mALBI (evidence: secondary) splits grade 2 at −2.270: 2a ≤ −2.270 &lt; 2b.
/// A double is used because of the logarithm. Before grading the value is rounded to 10 decimals: that
/// removes binary noise (log10(1000) × 0.66 − 50 × 0.085 is −2.27 exactly, but a double may land a few
/// 1e-16 either side) and is far below any clinically meaningful difference; the 2-decimal display value
/// is never used for grading. Bilirubin must be &gt; 0 (log), code CALC102.
/// </summary>
public static class Albi
{
    public const string Citation = "Johnson PJ et al. J Clin Oncol 2015;33:550-558";

    public const double Grade1UpperBound = -2.60;
    public const double Grade2UpperBound = -1.39;
    public const double Grade2aUpperBound = -2.270;

    private const int GradingDecimals = 10;

    public static AlbiResult Compute(decimal? bilirubinUmolPerL, decimal? albuminGPerL)
    {
        var check = new InputCheck();
        var bilirubin = check.Positive(bilirubinUmolPerL, InputNames.Bilirubin);
        var albumin = check.NonNegative(albuminGPerL, InputNames.Albumin);
        if (bilirubin is not { } b || albumin is not { } a || !check.IsComplete)
            return new AlbiResult { Missing = check.Missing, Problems = check.Problems };

        var value = Math.Log10((double)b) * 0.66 + (double)a * -0.085;
        return new AlbiResult
        {
            Value = value,
            Rounded = Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero),
            Grade = GradeFor(value),
            ModifiedGrade = ModifiedGradeFor(value),
        };
    }

    /// <summary>ALBI grade "1" | "2" | "3" for an unrounded ALBI value.</summary>
    public static string GradeFor(double albi)
    {
        var v = ForGrading(albi);
        return v <= Grade1UpperBound ? "1" : v <= Grade2UpperBound ? "2" : "3";
    }

    /// <summary>mALBI grade "1" | "2a" | "2b" | "3" for an unrounded ALBI value.</summary>
    public static string ModifiedGradeFor(double albi)
    {
        var v = ForGrading(albi);
        return v <= Grade1UpperBound ? "1"
            : v <= Grade2aUpperBound ? "2a"
            : v <= Grade2UpperBound ? "2b"
            : "3";
    }

    private static double ForGrading(double albi) =>
        double.IsFinite(albi)
            ? Math.Round(albi, GradingDecimals, MidpointRounding.AwayFromZero)
            : throw new ArgumentOutOfRangeException(nameof(albi), albi, "An ALBI value is a finite number.");
}
