namespace TaceCds.Fhir.Bulk;

/// <summary>The bearer token of a Bulk Data export: none, a fixed one, or one from SMART Backend Services.</summary>
public abstract class BulkTokenSource
{
    /// <summary>The token to send now, or null for none; never logged.</summary>
    public abstract Task<string?> GetAsync(HttpClient http, CancellationToken ct);

    public static BulkTokenSource None { get; } = new Fixed(null);

    public static BulkTokenSource Bearer(string? token) => new Fixed(string.IsNullOrEmpty(token) ? null : token);

    private sealed class Fixed(string? token) : BulkTokenSource
    {
        public override Task<string?> GetAsync(HttpClient http, CancellationToken ct) => Task.FromResult(token);
    }
}
