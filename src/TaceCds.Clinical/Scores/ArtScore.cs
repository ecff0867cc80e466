namespace TaceCds.Clinical.Scores;

/// <summary>An ART score: the components, the total and the recommendation band.</summary>
public sealed record ArtResult : CalculatorResult
{
    /// <summary>4 when AST rose by more than 25 %, else 0.</summary>
    public decimal? AstPoints { get; init; }

    /// <summary>1.5 for a Child-Pugh increase of 1 point, 3 for ≥ 2, else 0.</summary>
    public decimal? ChildPughPoints { get; init; }

    /// <summary>1 when there was no radiologic response (not CR/PR), else 0.</summary>
    public decimal? ResponsePoints { get; init; }

    /// <summary>The total, only when every component is known.</summary>
    public decimal? Points { get; init; }

    /// <summary>
    /// "retreat" (0–1.5) | "do-not-retreat" (≥ 2.5). Decided with inputs missing when every possible value of
    /// the missing components gives the same band (an AST rise alone is 4 points).
    /// </summary>
    public string? Recommendation { get; init; }

    public override bool IsComputable => Points is not null;
}

/// <summary>
/// ART score, Assessment for Retreatment with TACE (Sieghart et al., Hepatology 2013;57:2261-2273;
/// evidence: secondary, clinical-reference.md §4). Assessed before the 2nd TACE against values before the 1st:
/// AST increase &gt; 25 % → 4; Child-Pugh score +1 → 1.5, +≥ 2 → 3 (no change or a decrease → 0);
/// no radiologic response (not CR/PR) → 1. ART 0–1.5: retreat; ≥ 2.5: poor prognosis, do not retreat.
/// No attainable total lies between 1.5 and 2.5. The 25 % test is exact in decimal (see <see cref="AstRoseMoreThan25Percent"/>).
/// </summary>
public static class ArtScore
{
    public const string Citation = "Sieghart W et al. Hepatology 2013;57:2261-2273";

    public const string Retreat = "retreat";
    public const string DoNotRetreat = "do-not-retreat";

    private const decimal AstPointsIfRise = 4m;
    private const decimal ChildPughPointsIfPlusOne = 1.5m;
    private const decimal ChildPughPointsIfPlusTwo = 3m;
    private const decimal ResponsePointsIfNone = 1m;

    public static ArtResult Compute(
        decimal? astBeforeFirst,
        decimal? astBeforeSecond,
        int? childPughPointsBeforeFirst,
        int? childPughPointsBeforeSecond,
        bool? radiologicResponseAfterFirst)
    {
        var check = new InputCheck();
        var ast1 = check.Positive(astBeforeFirst, InputNames.AstBeforeFirstTace);
        var ast2 = check.NonNegative(astBeforeSecond, InputNames.AstBeforeSecondTace);
        var cp1 = check.InRange(childPughPointsBeforeFirst, InputNames.ChildPughPointsBeforeFirstTace, 5, 15);
        var cp2 = check.InRange(childPughPointsBeforeSecond, InputNames.ChildPughPointsBeforeSecondTace, 5, 15);
        var response = check.Present(radiologicResponseAfterFirst, InputNames.RadiologicResponseAfterFirstTace);

        decimal? astPoints = ast1 is { } a1 && ast2 is { } a2 ? (AstRoseMoreThan25Percent(a1, a2) ? AstPointsIfRise : 0m) : null;
        decimal? cpPoints = cp1 is { } c1 && cp2 is { } c2 ? ChildPughPointsFor(c2 - c1) : null;
        decimal? responsePoints = response is { } r ? (r ? 0m : ResponsePointsIfNone) : null;

        var result = new ArtResult
        {
            AstPoints = astPoints,
            ChildPughPoints = cpPoints,
            ResponsePoints = responsePoints,
            Missing = check.Missing,
            Problems = check.Problems,
        };
        if (check.HasProblems) return result;

        var min = (astPoints ?? 0m) + (cpPoints ?? 0m) + (responsePoints ?? 0m);
        var max = (astPoints ?? AstPointsIfRise) + (cpPoints ?? ChildPughPointsIfPlusTwo) + (responsePoints ?? ResponsePointsIfNone);
        if (check.Missing.Count == 0) return result with { Points = min, Recommendation = RecommendationFor(min) };
        var low = RecommendationFor(min);
        return low == RecommendationFor(max) ? result with { Recommendation = low } : result;
    }

    /// <summary>
    /// AST₂ − AST₁ &gt; AST₁ / 4, exact in decimal and free of overflow (both are non-negative): 100 → 125 is not
    /// a rise of more than 25 %, 100 → 125.1 is.
    /// </summary>
    public static bool AstRoseMoreThan25Percent(decimal astBefore, decimal astAfter) => astAfter - astBefore > astBefore / 4m;

    /// <summary>Points for a change in Child-Pugh score (later minus earlier).</summary>
    public static decimal ChildPughPointsFor(int increase) =>
        increase >= 2 ? ChildPughPointsIfPlusTwo : increase == 1 ? ChildPughPointsIfPlusOne : 0m;

    /// <summary>
    /// "retreat" for 0–1.5, "do-not-retreat" for ≥ 2.5. Totals in between cannot be reached by the score,
    /// so they are rejected (ArgumentOutOfRangeException) rather than given a band the paper never defined.
    /// </summary>
    public static string RecommendationFor(decimal points) => points switch
    {
        >= 0m and <= 1.5m => Retreat,
        >= 2.5m => DoNotRetreat,
        _ => throw new ArgumentOutOfRangeException(nameof(points), points, "ART totals are 0–1.5 or ≥ 2.5."),
    };
}
