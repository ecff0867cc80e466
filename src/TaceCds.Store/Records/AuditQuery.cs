namespace TaceCds.Store.Records;

/// <summary>Filters for audit listings and summaries. Times are compared on the hook call (or, for feedback, the outcome) time.</summary>
public sealed record AuditQuery
{
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public string? ServiceId { get; init; }
    /// <summary>Upper bound on listed rows (summaries are not limited).</summary>
    public int Limit { get; init; } = 1000;
}
