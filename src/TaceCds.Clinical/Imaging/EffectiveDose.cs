using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Imaging;

/// <summary>An effective dose estimate with the conversion factor used, so a card can state it.</summary>
public sealed record EffectiveDoseResult : CalculatorResult
{
    /// <summary>Effective dose in mSv.</summary>
    public decimal? MilliSievert { get; init; }

    /// <summary>The DLP-to-effective-dose factor used, in mSv/(mGy·cm); always set, even when the dose is not.</summary>
    public required decimal ConversionFactor { get; init; }

    public override bool IsComputable => MilliSievert is not null;
}

/// <summary>
/// Effective dose from the dose-length product (seed 004, Zhang et al., clinical-reference.md §7; evidence: seed):
/// E (mSv) = DLP (mGy·cm) × k, with k = 0.015 mSv/(mGy·cm) as in the seed (an adult abdomen factor).
/// The factor is a parameter because it depends on body region and patient size; it is returned with the result.
/// </summary>
public static class EffectiveDose
{
    public const string Citation = "Zhang et al. (seed 004): effective dose = DLP × 0.015";

    public const decimal DefaultConversionFactor = 0.015m;

    public static EffectiveDoseResult FromDlp(decimal? dlpMgyCm, decimal factor = DefaultConversionFactor)
    {
        var check = new InputCheck();
        var dlp = check.NonNegative(dlpMgyCm, InputNames.DoseLengthProduct);
        var k = check.Positive(factor, InputNames.DoseConversionFactor);
        if (dlp is not { } d || k is not { } f || !check.IsComplete)
            return new EffectiveDoseResult { ConversionFactor = factor, Missing = check.Missing, Problems = check.Problems };
        if (check.Guard(() => d * f, InputNames.DoseConversionFactor) is not { } dose)
            return new EffectiveDoseResult { ConversionFactor = factor, Problems = check.Problems };
        return new EffectiveDoseResult { MilliSievert = dose, ConversionFactor = factor };
    }
}
