using System.Diagnostics;
using TaceCds.Store;
using TaceCds.Store.Records;

namespace TaceCds.Service.Telemetry;

/// <summary>
/// The store with its writes timed (<c>tacecds.store.write.duration</c>) and traced (span <c>store.write</c>):
/// audit batches, feedback batches and replay-cache entries. Reads pass straight through.
/// </summary>
public sealed class TimedCdsStore(ICdsStore inner, CdsMetrics metrics) : ICdsStore
{
    public string Backend => inner.Backend;

    public Task<long> RecordHookCallAsync(HookCallRecord call, CancellationToken cancellationToken = default) =>
        TimeAsync("audit", () => inner.RecordHookCallAsync(call, cancellationToken));

    public Task RecordHookCallsAsync(IReadOnlyList<HookCallRecord> calls, CancellationToken cancellationToken = default) =>
        TimeAsync("audit", async () => { await inner.RecordHookCallsAsync(calls, cancellationToken); return calls.Count; });

    public Task<FeedbackBatchResult> SaveFeedbackAsync(IReadOnlyList<FeedbackRecord> batch, CancellationToken cancellationToken = default) =>
        TimeAsync("feedback", () => inner.SaveFeedbackAsync(batch, cancellationToken));

    public Task<bool> TryRememberAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        TimeAsync("replay_cache", () => inner.TryRememberAsync(issuer, jti, expiresAt, cancellationToken));

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        TimeAsync("replay_purge", () => inner.PurgeExpiredAsync(now, cancellationToken));

    public Task<IReadOnlyList<HookCallRecord>> ListHookCallsAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        inner.ListHookCallsAsync(query, cancellationToken);

    public Task<AuditSummary> SummarizeAsync(AuditQuery query, CancellationToken cancellationToken = default) => inner.SummarizeAsync(query, cancellationToken);

    public Task<IReadOnlyList<FeedbackRecord>> ListFeedbackAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        inner.ListFeedbackAsync(query, cancellationToken);

    public Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default) => inner.SchemaVersionAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async Task<T> TimeAsync<T>(string operation, Func<Task<T>> write)
    {
        using var activity = CdsTelemetry.Source.StartActivity("store.write", ActivityKind.Client);
        activity?.SetTag("store.operation", operation);
        activity?.SetTag("db.system", inner.Backend);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await write();
            metrics.StoreWrite(operation, true, clock.Elapsed);
            return result;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            metrics.StoreWrite(operation, false, clock.Elapsed);
            throw;
        }
    }
}
