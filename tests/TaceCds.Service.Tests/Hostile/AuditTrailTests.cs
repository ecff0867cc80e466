using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;
using TaceCds.Service.Trust;
using TaceCds.Store;
using TaceCds.Store.Records;

namespace TaceCds.Service.Tests.Hostile;

/// <summary>
/// Issue 13 row 4: the audit trail never drops a record. A store that cannot keep up makes callers wait, then refuses
/// them with 503 + Retry-After (CDS206) — never an answer without its record; a store that fails is retried until it
/// works; a normal stop drains everything; with MaxPending 0 an answer means its record is durable.
/// </summary>
public sealed class AuditTrailTests
{
    private static readonly Dictionary<string, string?> Samples = new() { ["TaceCds:LocalData"] = SampleRequests.SamplesFolder };

    private static (HostileServiceHost Host, GatedStore Store) Host(Dictionary<string, string?> settings, CapturedLogs? logs = null)
    {
        GatedStore? gated = null;
        var all = new Dictionary<string, string?>(Samples);
        foreach (var (k, v) in settings) all[k] = v;
        var host = new HostileServiceHost(all, services: services =>
        {
            if (logs is not null) services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
            services.RemoveAll<ICdsStore>();
            services.AddSingleton<ICdsStore>(sp =>
                gated = new GatedStore(CdsStore.OpenAsync(sp.GetRequiredService<TrustSettings>().Store, TimeProvider.System).GetAwaiter().GetResult()));
        });
        host.CreateClient(); // builds the host, which opens the store
        return (host, gated!);
    }

    private static Task<(HttpResponseMessage Response, System.Text.Json.Nodes.JsonNode? Body)> Call(HostileServiceHost host, string patient = "p02") =>
        SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, SampleRequests.PatientView(patient));

    private static HookCallAudit Audit(HostileServiceHost host) => host.Services.GetRequiredService<HookCallAudit>();

    [Fact]
    public async Task Given_3_pending_records_and_a_stalled_store_the_4th_call_waits_200_ms_then_gets_503_CDS206_and_nothing_is_dropped()
    {
        var (host, store) = Host(new() { ["TaceCds:Audit:MaxPending"] = "3", ["TaceCds:Audit:MaxWaitMs"] = "200" });
        using var _ = host;
        store.Close();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await Call(host)).Response.StatusCode);
        Assert.Equal(3, Audit(host).QueueDepth);

        var clock = Stopwatch.StartNew();
        var (refused, body) = await Call(host);
        OutcomeAssert.Error(refused, body, HttpStatusCode.ServiceUnavailable, CdsErrorCodes.AuditBackpressure);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(180), $"refused after {clock.Elapsed}");
        Assert.Equal("1", refused.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

        store.Open();
        await Audit(host).FlushAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await Call(host)).Response.StatusCode);
        await Audit(host).FlushAsync(TimeSpan.FromSeconds(10));
        var calls = await host.Services.GetRequiredService<ICdsStore>().ListHookCallsAsync(new AuditQuery());
        Assert.Equal(4, calls.Count(c => c.HttpStatus == 200)); // every answered call, none of the refused one
        Assert.Equal(0, Audit(host).QueueDepth);
    }

    [Fact]
    public async Task The_queue_depth_is_readable_and_a_warning_is_logged_above_half_full()
    {
        var logs = new CapturedLogs();
        var (host, store) = Host(new() { ["TaceCds:Audit:MaxPending"] = "4" }, logs);
        using var _ = host;
        var audit = Audit(host);
        Assert.Equal(4, audit.Capacity);
        store.Close();
        await Call(host);
        await Call(host);
        Assert.Equal(2, audit.QueueDepth);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("above half full", StringComparison.Ordinal));
        await Call(host);
        Assert.Equal(3, audit.QueueDepth);
        Assert.Single(logs.Messages, m => m.Contains("audit queue above half full: 3 of 4", StringComparison.Ordinal));
        store.Open();
        await audit.FlushAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, audit.QueueDepth);
    }

    [Fact]
    public async Task A_store_that_fails_5_times_is_retried_until_the_records_are_written()
    {
        var (host, store) = Host(new());
        using var _ = host;
        store.FailNext(5);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await Call(host)).Response.StatusCode);
        await Audit(host).FlushAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(5, store.FailedWrites);
        Assert.Equal(3, (await host.Services.GetRequiredService<ICdsStore>().ListHookCallsAsync(new AuditQuery())).Count);
    }

    [Fact]
    public async Task A_normal_stop_drains_every_pending_record_to_the_store()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tacecds-drain-{Guid.NewGuid():N}.db");
        var location = "sqlite:" + file;
        var (host, store) = Host(new() { ["TaceCds:Audit:MaxBatch"] = "2", ["TaceCds:Store"] = location });
        store.DelayPerWrite = TimeSpan.FromMilliseconds(50);
        var answered = 0;
        for (var i = 0; i < 12; i++)
            if ((await Call(host)).Response.StatusCode == HttpStatusCode.OK) answered++;
        Assert.True(Audit(host).QueueDepth > 0, "records should still be pending when the host stops");
        host.Dispose(); // IHost.StopAsync: the writer drains the queue
        try
        {
            await using var reader = await CdsStore.OpenAsync(location, TimeProvider.System);
            Assert.Equal(answered, (await reader.ListHookCallsAsync(new AuditQuery())).Count);
            Assert.Equal(12, answered);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
        }
    }

    [Fact]
    public async Task Given_MaxPending_0_an_answer_means_its_record_is_already_durable()
    {
        var (host, store) = Host(new() { ["TaceCds:Audit:MaxPending"] = "0" });
        using var _ = host;
        store.DelayPerWrite = TimeSpan.FromMilliseconds(100);
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await Call(host)).Response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(100), "the answer should wait for the commit");
        // No flush: the record is there the moment the answer is.
        Assert.Single(await host.Services.GetRequiredService<ICdsStore>().ListHookCallsAsync(new AuditQuery()));
    }
}
