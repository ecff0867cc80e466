using TaceCds.Security;
using TaceCds.Store.Records;

namespace TaceCds.Store;

/// <summary>The audit trail of hook calls and the cards they returned.</summary>
public interface IAuditStore
{
    /// <summary>Stores the call and its cards atomically; returns the call's id.</summary>
    Task<long> RecordHookCallAsync(HookCallRecord call, CancellationToken cancellationToken = default);
    /// <summary>Several calls in one transaction (one fsync): how a busy service writes its audit trail.</summary>
    Task RecordHookCallsAsync(IReadOnlyList<HookCallRecord> calls, CancellationToken cancellationToken = default);
    /// <summary>Newest first, with their cards.</summary>
    Task<IReadOnlyList<HookCallRecord>> ListHookCallsAsync(AuditQuery query, CancellationToken cancellationToken = default);
    Task<AuditSummary> SummarizeAsync(AuditQuery query, CancellationToken cancellationToken = default);
}

/// <summary>CDS Hooks feedback, stored idempotently.</summary>
public interface IFeedbackStore
{
    /// <summary>The whole batch in one transaction; an entry already stored (card, outcome, outcomeTimestamp) counts as duplicate.</summary>
    Task<FeedbackBatchResult> SaveFeedbackAsync(IReadOnlyList<FeedbackRecord> batch, CancellationToken cancellationToken = default);
    /// <summary>Newest outcome first.</summary>
    Task<IReadOnlyList<FeedbackRecord>> ListFeedbackAsync(AuditQuery query, CancellationToken cancellationToken = default);
}

/// <summary>The JWT replay cache, shared by every instance that uses the same store.</summary>
public interface IReplayCache : IJtiReplayCache
{
    /// <summary>Deletes entries expired at <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>Everything the service persists. Open with <see cref="CdsStore.OpenAsync"/>, which applies migrations.</summary>
public interface ICdsStore : IAuditStore, IFeedbackStore, IReplayCache, IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Backend { get; }
    /// <summary>Highest migration applied.</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default);
}
