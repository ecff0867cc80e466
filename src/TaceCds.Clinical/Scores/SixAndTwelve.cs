namespace TaceCds.Clinical.Scores;

/// <summary>A six-and-twelve calculation.</summary>
public sealed record SixAndTwelveResult : CalculatorResult
{
    /// <summary>Largest diameter (cm) + tumor number; only when both are known.</summary>
    public decimal? Value { get; init; }

    /// <summary>
    /// "&lt;=6" | "6-12" | "&gt;12". Can be decided "&gt;12" with one input missing (largest + 1 &gt; 12, or a count ≥ 12).
    /// </summary>
    public string? Stratum { get; init; }

    /// <summary>The published median overall survival of the stratum, in months (49.1 / 32.0 / 15.8).</summary>
    public decimal? MedianOverallSurvivalMonths { get; init; }

    public override bool IsComputable => Value is not null;
}

/// <summary>
/// Six-and-twelve score (Wang et al., J Hepatol 2019;70:893-903; evidence: confirmed,
/// clinical-reference.md §4): largest tumor diameter (cm) + tumor number. Strata ≤ 6, &gt; 6 to ≤ 12, &gt; 12,
/// with median overall survival after TACE of 49.1, 32.0 and 15.8 months.
/// </summary>
public static class SixAndTwelve
{
    public const string Citation = "Wang Q et al. J Hepatol 2019;70:893-903";

    public const string UpToSix = "<=6";
    public const string SixToTwelve = "6-12";
    public const string AboveTwelve = ">12";

    public static SixAndTwelveResult Compute(decimal? largestDiameterMm, int? tumorCount)
    {
        var check = new InputCheck();
        var diameter = check.Positive(largestDiameterMm, InputNames.LargestDiameter);
        var count = check.InRange(tumorCount, InputNames.TumorCount, 1, int.MaxValue);
        if (check.HasProblems) return new SixAndTwelveResult { Problems = check.Problems };

        if (diameter is { } d && count is { } n)
        {
            var value = d / 10m + n;
            var stratum = StratumFor(value);
            return new SixAndTwelveResult
            {
                Value = value,
                Stratum = stratum,
                MedianOverallSurvivalMonths = MedianOverallSurvivalMonths(stratum),
            };
        }

        var surelyAboveTwelve = (diameter is { } dOnly && dOnly / 10m + 1 > 12m) || count >= 12;
        return surelyAboveTwelve
            ? new SixAndTwelveResult
            {
                Stratum = AboveTwelve,
                MedianOverallSurvivalMonths = MedianOverallSurvivalMonths(AboveTwelve),
                Missing = check.Missing,
            }
            : new SixAndTwelveResult { Missing = check.Missing };
    }

    public static string StratumFor(decimal value) =>
        value <= 6m ? UpToSix : value <= 12m ? SixToTwelve : AboveTwelve;

    public static decimal MedianOverallSurvivalMonths(string stratum) => stratum switch
    {
        UpToSix => 49.1m,
        SixToTwelve => 32.0m,
        AboveTwelve => 15.8m,
        _ => throw new ArgumentOutOfRangeException(nameof(stratum), stratum, "Not a six-and-twelve stratum."),
    };
}
