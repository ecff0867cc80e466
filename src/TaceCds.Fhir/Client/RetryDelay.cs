using System.Net.Http.Headers;

namespace TaceCds.Fhir.Client;

/// <summary>How long to wait before retry number <c>attempt + 1</c>: the server's <c>Retry-After</c> when given, else exponential backoff.</summary>
public static class RetryDelay
{
    public static TimeSpan For(int attempt, RetryConditionHeaderValue? retryAfter, FhirClientOptions options, TimeProvider time)
    {
        TimeSpan wanted;
        if (retryAfter?.Delta is { } delta) wanted = delta;
        else if (retryAfter?.Date is { } date) wanted = date - time.GetUtcNow();
        else wanted = options.RetryBaseDelay * Math.Pow(2, attempt);
        if (wanted < TimeSpan.Zero) wanted = TimeSpan.Zero;
        return wanted > options.MaxRetryDelay ? options.MaxRetryDelay : wanted;
    }
}
