namespace TaceCds.Fhir.Client;

/// <summary>
/// What one call (a CDS Hooks request, a board page) may spend on FHIR reads, shared by every read, search and page
/// of it, including those running in parallel: <see cref="FhirClientOptions.MaxCallBytes"/> of response bodies and
/// <see cref="FhirClientOptions.TotalTimeout"/> of wall-clock time from the budget's creation. When the time is up
/// <see cref="Token"/> cancels every read in flight (issue 13 row 3: a 15 s budget answered after 18.5 s).
/// </summary>
public sealed class FhirCallBudget : IDisposable
{
    private readonly CancellationTokenSource _deadline;
    private readonly TimeProvider _time;
    private readonly long _startedAt;
    private long _bytes;

    public FhirCallBudget(FhirClientOptions options, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        MaxBytes = options.MaxCallBytes;
        TotalTime = options.TotalTimeout;
        _startedAt = _time.GetTimestamp();
        _deadline = new CancellationTokenSource(options.TotalTimeout, _time);
    }

    public long MaxBytes { get; }
    public TimeSpan TotalTime { get; }

    /// <summary>Cancelled when the call's time is up.</summary>
    public CancellationToken Token => _deadline.Token;

    /// <summary>Response bytes read so far by the whole call.</summary>
    public long BytesRead => Interlocked.Read(ref _bytes);

    public TimeSpan Remaining => TotalTime - _time.GetElapsedTime(_startedAt) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>Counts <paramref name="bytes"/> more; false when that goes over the budget (the read must stop).</summary>
    public bool TryConsume(long bytes) => Interlocked.Add(ref _bytes, bytes) <= MaxBytes;

    /// <summary>Whether <paramref name="bytes"/> more would still fit (for a declared Content-Length, before reading).</summary>
    public bool Fits(long bytes) => BytesRead + bytes <= MaxBytes;

    public void Dispose() => _deadline.Dispose();
}
