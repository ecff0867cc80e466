namespace TaceCds.Clinical.Scores;

/// <summary>The neutrophil-to-lymphocyte ratio, or why it cannot be given.</summary>
public sealed record NlrResult : CalculatorResult
{
    /// <summary>The ratio at full decimal precision, for models that use it per unit (seed 001: OR 2.211 per unit).</summary>
    public decimal? Value { get; init; }

    /// <summary>The ratio rounded to 2 decimals (midpoint away from zero), for display.</summary>
    public decimal? Rounded { get; init; }

    public override bool IsComputable => Value is not null;
}

/// <summary>
/// Neutrophil-to-lymphocyte ratio (NLR) = absolute neutrophil count / absolute lymphocyte count, both
/// in 10⁹/L and from the same blood sample (the caller pairs the counts; this function only divides).
/// Source: clinical-reference.md §5 (standard definition, no evidence grade needed); used as a factor of
/// the seed 001 IVIM-DWI model (He et al., J Clin Radiol 2026;45:987-994, §7).
/// A lymphocyte count of zero makes the ratio undefined: not computable, code CALC102.
/// </summary>
public static class Nlr
{
    public const string Citation = "NLR = absolute neutrophil count / absolute lymphocyte count (same sample)";

    public static NlrResult Compute(decimal? neutrophils, decimal? lymphocytes)
    {
        var check = new InputCheck();
        var n = check.NonNegative(neutrophils, InputNames.Neutrophils);
        var l = check.Positive(lymphocytes, InputNames.Lymphocytes);
        if (n is not { } num || l is not { } den || !check.IsComplete)
            return new NlrResult { Missing = check.Missing, Problems = check.Problems };

        if (check.Guard(() => num / den, InputNames.Lymphocytes) is not { } value)
            return new NlrResult { Problems = check.Problems };
        return new NlrResult
        {
            Value = value,
            Rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero),
        };
    }
}
