namespace TaceCds.Store.Records;

/// <summary>
/// Per rule version: how often its card was shown, accepted and overridden (distinct cards), and why it was
/// overridden — "how often the CCI card was overridden and why".
/// </summary>
public sealed record RuleOutcomeSummary
{
    public required string RuleId { get; init; }
    public required string RuleVersion { get; init; }
    public int CardsShown { get; init; }
    public int Accepted { get; init; }
    public int Overridden { get; init; }
    /// <summary>Most frequent first. A null Reason means "overridden without a coded reason".</summary>
    public IReadOnlyList<OverrideReasonCount> OverrideReasons { get; init; } = [];
}

public sealed record OverrideReasonCount(Coding? Reason, int Count);

/// <summary>The per-rule summary plus feedback that names a card we have no audit record of (e.g. purged, or forged).</summary>
public sealed record AuditSummary(IReadOnlyList<RuleOutcomeSummary> Rules, int FeedbackForUnknownCards);
