using System.Net.Http.Headers;

namespace TaceCds.Fhir.Client;

/// <summary>How long to wait before retry number <c>attempt + 1</c>: the server's <c>Retry-After</c> when given, else exponential backoff.</summary>
public static class RetryDelay
{
    public static TimeSpan For(int attempt, RetryConditionHeaderValue? retryAfter, FhirClientOptions options, TimeProvider time)
    {
        var wanted = Requested(retryAfter, time) ?? options.RetryBaseDelay * Math.Pow(2, attempt);
        if (wanted < TimeSpan.Zero) wanted = TimeSpan.Zero;
        return wanted > options.MaxRetryDelay ? options.MaxRetryDelay : wanted;
    }

    /// <summary>The wait the server's <c>Retry-After</c> asks for (seconds or an HTTP date), uncapped; null without one.</summary>
    public static TimeSpan? Requested(RetryConditionHeaderValue? retryAfter, TimeProvider time) =>
        retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
}
