using TaceCds.Store;
using TaceCds.Store.Records;

namespace TaceCds.Service.Tests.Hostile;

/// <summary>
/// A real store whose audit writes can be held (the gate closed: writes wait), slowed, or made to fail a number of
/// times — a store that cannot keep up or is down for a while. Everything else goes straight through.
/// </summary>
public sealed class GatedStore(ICdsStore inner) : ICdsStore
{
    private volatile TaskCompletionSource _gate = Opened();
    private int _failuresLeft;

    public int Writes { get; private set; }
    public int FailedWrites { get; private set; }
    public TimeSpan DelayPerWrite { get; set; }

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    public void Open() => _gate.TrySetResult();
    public void FailNext(int writes) => _failuresLeft = writes;

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    public async Task RecordHookCallsAsync(IReadOnlyList<HookCallRecord> calls, CancellationToken cancellationToken = default)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        if (DelayPerWrite > TimeSpan.Zero) await Task.Delay(DelayPerWrite, cancellationToken);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            FailedWrites++;
            throw new StoreException("STORE102", "store down (test)");
        }
        await inner.RecordHookCallsAsync(calls, cancellationToken);
        Writes++;
    }

    public Task<long> RecordHookCallAsync(HookCallRecord call, CancellationToken cancellationToken = default) => inner.RecordHookCallAsync(call, cancellationToken);
    public Task<IReadOnlyList<HookCallRecord>> ListHookCallsAsync(AuditQuery query, CancellationToken cancellationToken = default) => inner.ListHookCallsAsync(query, cancellationToken);
    public Task<AuditSummary> SummarizeAsync(AuditQuery query, CancellationToken cancellationToken = default) => inner.SummarizeAsync(query, cancellationToken);
    public Task<FeedbackBatchResult> SaveFeedbackAsync(IReadOnlyList<FeedbackRecord> batch, CancellationToken cancellationToken = default) => inner.SaveFeedbackAsync(batch, cancellationToken);
    public Task<IReadOnlyList<FeedbackRecord>> ListFeedbackAsync(AuditQuery query, CancellationToken cancellationToken = default) => inner.ListFeedbackAsync(query, cancellationToken);
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => inner.PurgeExpiredAsync(now, cancellationToken);
    public Task<bool> TryRememberAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken = default) => inner.TryRememberAsync(issuer, jti, expiresAt, cancellationToken);
    public string Backend => inner.Backend;
    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) => inner.SchemaVersionAsync(cancellationToken);
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
