using System.Text.Json.Nodes;
using System.Threading.Channels;
using TaceCds.Store;
using TaceCds.Store.Audit;
using TaceCds.Store.Records;

namespace TaceCds.Service.Trust;

/// <summary>
/// The audit trail of hook calls: caller (verified iss/tenant), patient, status, and each card's uuid, rule, rule
/// version and evidence references — never the Authorization header, the JWT or fhirAuthorization.
/// Records are written behind the answer by one background writer, many per transaction: a durable write costs an
/// fsync (milliseconds), which the clinician should not wait for, and batching keeps a busy service to a few fsyncs
/// a second. The price: a crash (not a normal stop, which drains the queue) can lose the records of the last
/// moments' calls. A failing store is logged and never withholds decision support.
/// </summary>
public sealed class HookCallAudit(ICdsStore store, TimeProvider time, ILogger<HookCallAudit> log) : BackgroundService
{
    private const int QueueLimit = 10_000;
    private const int BatchLimit = 256;
    private readonly Channel<HookCallRecord> _queue = Channel.CreateBounded<HookCallRecord>(
        new BoundedChannelOptions(QueueLimit) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private long _pending;

    /// <summary>Records answered but not yet written (the <c>tacecds.audit.queue.depth</c> gauge).</summary>
    public long QueueDepth => Interlocked.Read(ref _pending);

    public void Record(HttpContext http, string serviceId, string? hook, string? hookInstance, string? patientId, JsonArray? cards,
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
            DurationMs = (long)(time.GetUtcNow() - startedAt).TotalMilliseconds,
            Cards = cards is null ? [] : AuditCardExtractor.Extract(cards, evaluation),
        };
        Interlocked.Increment(ref _pending);
        if (_queue.Writer.TryWrite(record)) return;
        Interlocked.Decrement(ref _pending);
        log.LogError("audit queue full ({Limit} records): the record of a {Service} call was dropped", QueueLimit, serviceId);
    }

    /// <summary>Waits until every record queued so far has been written (or given up on).</summary>
    public async Task FlushAsync(TimeSpan timeout)
    {
        var deadline = time.GetTimestamp();
        while (Interlocked.Read(ref _pending) > 0)
        {
            if (time.GetElapsedTime(deadline) > timeout) throw new TimeoutException("audit records not written in time");
            await Task.Delay(5);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<HookCallRecord>(BatchLimit);
        // Not bound to stoppingToken: on a normal stop the queue is completed and drained (StopAsync below).
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchLimit && _queue.Reader.TryRead(out var record)) batch.Add(record);
            await WriteAsync(batch);
            Interlocked.Add(ref _pending, -batch.Count);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<HookCallRecord> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.RecordHookCallsAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception e) when (e is StoreException or System.Data.Common.DbException or IOException)
            {
                if (attempt == 3)
                {
                    log.LogError("{Count} audit records not stored after {Attempts} attempts: {Type}", batch.Count, attempt, e.GetType().Name);
                    return;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
