using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using TaceCds.Store;
using TaceCds.Store.Audit;
using TaceCds.Store.Records;

namespace TaceCds.Service.Trust;

/// <summary>
/// The audit trail of hook calls: caller (verified iss/tenant), patient, status, and each card's uuid, rule, rule
/// version and evidence references — never the Authorization header, the JWT or fhirAuthorization.
/// <para>
/// Records are written behind the answer by one background writer, as many per transaction as are waiting (up to
/// <see cref="AuditSettings.MaxBatch"/>): a durable write costs an fsync, which the clinician should not wait for.
/// The trail never drops a record (issue 13 row 4: 17 717 of 52 759 answered calls were once lost on PostgreSQL):
/// </para>
/// <list type="bullet">
/// <item>at most <see cref="AuditSettings.MaxPending"/> answered calls are ever not yet durable — that is the crash
/// window, in records; with 0 every call waits for its own record's commit (group commit) and a crash loses none;</item>
/// <item>when the store cannot keep up and that many are pending, the next call waits up to
/// <see cref="AuditSettings.MaxWaitMs"/> for room, then is refused with 503 and <c>Retry-After</c> (CDS206) — its answer
/// is withheld rather than given unaudited;</item>
/// <item>a failing store is retried (with backoff) until it works, holding the pending records; never given up on;</item>
/// <item>a normal stop drains everything; records still unwritten when the host's shutdown time runs out are logged
/// with their count.</item>
/// </list>
/// <see cref="QueueDepth"/> (also the <c>tacecds.audit.queue.depth</c> gauge of meter <c>TaceCds.Audit</c>) says how
/// many are pending; above half of <see cref="Capacity"/> a warning is logged.
/// </summary>
public sealed class HookCallAudit : BackgroundService
{
    public const string MeterName = "TaceCds.Audit";

    private readonly ICdsStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<HookCallAudit> _log;
    private readonly AuditSettings _settings;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _slots;
    private readonly Meter _meter = new(MeterName);
    private long _pending;
    private int _warnedHalfFull;

    private sealed record Pending(HookCallRecord Record, TaskCompletionSource? Durable);

    public HookCallAudit(ICdsStore store, TimeProvider time, ILogger<HookCallAudit> log, TrustSettings trust)
    {
        _store = store;
        _time = time;
        _log = log;
        _settings = trust.Audit;
        Capacity = Math.Max(1, _settings.MaxPending);
        _slots = new SemaphoreSlim(Capacity, Capacity);
        _meter.CreateObservableGauge("tacecds.audit.queue.depth", () => QueueDepth, "{record}", "hook-call audit records answered but not yet durable");
    }

    /// <summary>Records answered and not yet durable in the store (queued or being written).</summary>
    public long QueueDepth => Interlocked.Read(ref _pending);

    /// <summary>Most records that may be pending at once (<see cref="AuditSettings.MaxPending"/>, at least 1).</summary>
    public int Capacity { get; }

    /// <summary>
    /// Queues the record of one call (and, with <see cref="AuditSettings.MaxPending"/> 0, waits until it is durable).
    /// False when no room came within <see cref="AuditSettings.MaxWaitMs"/>: the caller must not answer as if audited.
    /// </summary>
    public async Task<bool> RecordAsync(HttpContext http, string serviceId, string? hook, string? hookInstance, string? patientId, JsonArray? cards,
        JsonObject? evaluation, int status, DateTimeOffset startedAt)
    {
        var client = ClientIdentity.Get(http);
        var record = new HookCallRecord
        {
            At = startedAt,
            ServiceId = serviceId,
            Hook = hook ?? "?",
            HookInstance = hookInstance ?? "?",
            ClientIssuer = client?.Issuer,
            Tenant = client?.Tenant,
            PatientId = patientId,
            HttpStatus = status,
            DurationMs = (long)(_time.GetUtcNow() - startedAt).TotalMilliseconds,
            Cards = cards is null ? [] : AuditCardExtractor.Extract(cards, evaluation),
        };
        // Not bound to the request: a client that hangs up must not make an answered call unaudited half-way.
        if (!await _slots.WaitAsync(TimeSpan.FromMilliseconds(_settings.MaxWaitMs), CancellationToken.None))
        {
            _log.LogError("audit store cannot keep up: {Pending} records pending for {Wait} ms; a {Service} call is refused with 503", QueueDepth, _settings.MaxWaitMs, serviceId);
            return false;
        }
        var durable = _settings.MaxPending == 0 ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        var depth = Interlocked.Increment(ref _pending);
        if (depth > Capacity / 2 && Interlocked.Exchange(ref _warnedHalfFull, 1) == 0)
            _log.LogWarning("audit queue above half full: {Pending} of {Capacity} records pending; the store is falling behind", depth, Capacity);
        if (!_queue.Writer.TryWrite(new Pending(record, durable)))
        {
            // Only after StopAsync: the host is going down and the writer has drained.
            Interlocked.Decrement(ref _pending);
            _slots.Release();
            _log.LogError("audit writer stopped: the record of a {Service} call made during shutdown is refused", serviceId);
            return false;
        }
        if (durable is not null) await durable.Task;
        return true;
    }

    /// <summary>Waits until every record queued so far has been written.</summary>
    public async Task FlushAsync(TimeSpan timeout)
    {
        var started = _time.GetTimestamp();
        while (QueueDepth > 0)
        {
            if (_time.GetElapsedTime(started) > timeout) throw new TimeoutException("audit records not written in time");
            await Task.Delay(5);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(_settings.MaxBatch);
        // Not bound to stoppingToken: on a normal stop the queue is completed and drained (StopAsync below).
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < _settings.MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            await WriteAsync(batch);
            Interlocked.Add(ref _pending, -batch.Count);
            _slots.Release(batch.Count);
            foreach (var pending in batch) pending.Durable?.TrySetResult();
            if (QueueDepth <= Capacity / 4) Interlocked.Exchange(ref _warnedHalfFull, 0);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        if (QueueDepth > 0)
            _log.LogError("shutdown: {Pending} audit records were not yet written when the host's shutdown time ran out", QueueDepth);
    }

    public override void Dispose()
    {
        _meter.Dispose();
        _slots.Dispose();
        base.Dispose();
    }

    // Until it works: dropping a batch would lose answered calls. Meanwhile the slots stay taken, so callers feel it.
    private async Task WriteAsync(List<Pending> batch)
    {
        var records = batch.Select(p => p.Record).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.RecordHookCallsAsync(records, CancellationToken.None);
                if (attempt > 1) _log.LogWarning("{Count} audit records stored after {Attempts} attempts", records.Count, attempt);
                return;
            }
            catch (Exception e) when (e is StoreException or System.Data.Common.DbException or IOException)
            {
                if (attempt == 1 || attempt % 10 == 0)
                    _log.LogError("{Count} audit records not stored yet (attempt {Attempt}): {Type}; retrying", records.Count, attempt, e.GetType().Name);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * attempt, 2_000)), _time);
            }
        }
    }
}
