namespace TaceCds.Clinical.Scores;

/// <summary>An up-to-seven calculation.</summary>
public sealed record UpToSevenResult : CalculatorResult
{
    /// <summary>Largest diameter (cm) + tumor number; only when both are known.</summary>
    public decimal? Value { get; init; }

    /// <summary>
    /// True when the value is ≤ 7. Can be decided false with one input missing: a tumor count is at least 1
    /// and a diameter is above 0, so largest + 1 &gt; 7 or a count ≥ 7 is out whatever the other input is.
    /// </summary>
    public bool? Within { get; init; }

    public override bool IsComputable => Value is not null;
}

/// <summary>
/// Up-to-seven criterion (Mazzaferro et al., Lancet Oncol 2009;10:35-43; evidence: confirmed,
/// clinical-reference.md §4): largest tumor diameter in cm + number of tumors; ≤ 7 is within.
/// JSH 2021 calls up-to-7-out patients "TACE-unsuitable". Diameter in mm is divided by 10 exactly (decimal).
/// </summary>
public static class UpToSeven
{
    public const string Citation = "Mazzaferro V et al. Lancet Oncol 2009;10:35-43";

    public const decimal Limit = 7m;

    public static UpToSevenResult Compute(decimal? largestDiameterMm, int? tumorCount)
    {
        var check = new InputCheck();
        var diameter = check.Positive(largestDiameterMm, InputNames.LargestDiameter);
        var count = check.InRange(tumorCount, InputNames.TumorCount, 1, int.MaxValue);
        if (check.HasProblems) return new UpToSevenResult { Problems = check.Problems };

        if (diameter is { } d && count is { } n)
        {
            var value = d / 10m + n;
            return new UpToSevenResult { Value = value, Within = value <= Limit };
        }

        var surelyOut = (diameter is { } dOnly && dOnly / 10m + 1 > Limit) || count >= Limit;
        return new UpToSevenResult { Within = surelyOut ? false : null, Missing = check.Missing };
    }
}
