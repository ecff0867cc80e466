namespace TaceCds.Fhir.Client;

/// <summary>
/// Bounds on one FHIR REST pull. A CDS Hooks call should answer in about 500 ms (CDS Hooks 2.0.1 §"Calling a CDS
/// Service"), so the defaults favour giving up early over waiting on a slow server.
/// </summary>
public sealed record FhirClientOptions
{
    public static FhirClientOptions Default { get; } = new();

    /// <summary>Timeout of one HTTP request (one page).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Wall-clock budget of one read or search, every page and retry included.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Pages of one search followed through <c>link[next]</c>; more is FC104.</summary>
    public int MaxPages { get; init; } = 20;

    /// <summary>Bytes of one response body; more is FC103.</summary>
    public long MaxResponseBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>
    /// Bytes of every response body read for one call (all pages of all reads and searches sharing a
    /// <see cref="FhirCallBudget"/>); more is FC110. Bounds a call's memory whatever the server serves.
    /// </summary>
    public long MaxCallBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>Retries after a 5xx or 429 answer (other answers are never retried).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First retry delay; doubled each retry, and replaced by <c>Retry-After</c> when the server sends one.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait before a retry, whatever <c>Retry-After</c> asks for.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(2);
}
