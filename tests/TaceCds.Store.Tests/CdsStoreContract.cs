using TaceCds.Store.Records;

namespace TaceCds.Store.Tests;

/// <summary>
/// The ONE store test suite. Each backend runs all of it through a subclass (<see cref="SqliteStoreTests"/>,
/// <see cref="PostgresStoreTests"/>), so both stores are held to the same behaviour.
/// </summary>
public abstract partial class CdsStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    protected readonly FixedTimeProvider Clock = new(T0);
    protected IStoreBackend Backend { get; }
    private readonly List<ICdsStore> _opened = [];

    protected CdsStoreContract(IStoreBackend backend) => Backend = backend;

    public Task InitializeAsync() => Backend.PrepareAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _opened) await store.DisposeAsync();
        await Backend.DisposeAsync();
    }

    /// <summary>A new store object on the test's database (a second instance, or the same one after a restart).</summary>
    protected async Task<ICdsStore> OpenAsync()
    {
        var store = await CdsStore.OpenAsync(Backend.Location, Clock);
        _opened.Add(store);
        return store;
    }

    protected static HookCallRecord Call(string service, DateTimeOffset at, params AuditCard[] cards) => new()
    {
        At = at, ServiceId = service, Hook = "patient-view", HookInstance = Guid.NewGuid().ToString(),
        ClientIssuer = "https://ehr.example.org/", Tenant = "hospital-a", PatientId = "pat-1", HttpStatus = 200,
        DurationMs = 42, Cards = cards,
    };

    protected static AuditCard Card(string uuid, string rule, string version = "1.0.0") => new()
    {
        Uuid = uuid, RuleId = rule, RuleVersion = version, Indicator = "warning", Summary = $"{rule} card",
        EvidenceReferences = ["Observation/bili-1", "Condition/hcc-1"],
    };

    protected static FeedbackRecord Overridden(string card, DateTimeOffset at, string? code = null, string? comment = null) => new()
    {
        ServiceId = "tace-eligibility", CardUuid = card, Outcome = FeedbackOutcome.Overridden, OutcomeTimestamp = at,
        ReceivedAt = at.AddSeconds(1), ClientIssuer = "https://ehr.example.org/",
        OverrideReason = code is null && comment is null ? null
            : new OverrideReason(code is null ? null : new Coding("https://tacecds.example/override-reason", code, code + " display"), comment),
    };

    protected static FeedbackRecord Accepted(string card, DateTimeOffset at, params string[] suggestions) => new()
    {
        ServiceId = "tace-eligibility", CardUuid = card, Outcome = FeedbackOutcome.Accepted, OutcomeTimestamp = at,
        ReceivedAt = at.AddSeconds(1), AcceptedSuggestions = suggestions,
    };

    [Fact]
    public async Task Migrations_bring_a_new_database_to_the_latest_version_and_reopening_changes_nothing()
    {
        var store = await OpenAsync();
        Assert.Equal(Backend.Name, store.Backend);
        Assert.Equal(3, await store.SchemaVersionAsync());
        await store.RecordHookCallAsync(Call("s", T0));
        var again = await OpenAsync();
        Assert.Equal(3, await again.SchemaVersionAsync());
        Assert.Single(await again.ListHookCallsAsync(new AuditQuery()));
    }

    [Fact]
    public async Task A_database_from_a_newer_build_is_refused()
    {
        await OpenAsync();
        await Backend.ExecuteRawAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', '2030-01-01')");
        var e = await Assert.ThrowsAsync<StoreException>(OpenAsync);
        Assert.Equal("STORE101", e.Code);
    }

    [Fact]
    public async Task Instances_starting_together_migrate_once()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CdsStore.OpenAsync(Backend.Location, Clock)));
        _opened.AddRange(opened);
        foreach (var store in opened) Assert.Equal(3, await store.SchemaVersionAsync());
    }

    [Fact]
    public async Task A_hook_call_round_trips_with_its_cards()
    {
        var store = await OpenAsync();
        var at = T0.AddTicks(1234567); // sub-millisecond precision survives
        var call = Call("tace-eligibility", at, Card("c-1", "cci-contraindication"), Card("c-2", "albi-grade", "2.1.0"));
        var id = await store.RecordHookCallAsync(call);

        var listed = Assert.Single(await store.ListHookCallsAsync(new AuditQuery()));
        Assert.Equal(call with { Id = id, Cards = listed.Cards }, listed);
        Assert.Equal(at, listed.At);
        Assert.Equal(["c-1", "c-2"], listed.Cards.Select(c => c.Uuid));
        Assert.Equal(call.Cards[1] with { EvidenceReferences = listed.Cards[1].EvidenceReferences }, listed.Cards[1]);
        Assert.Equal(["Observation/bili-1", "Condition/hcc-1"], listed.Cards[1].EvidenceReferences);
    }

    [Fact]
    public async Task A_batch_of_calls_keeps_each_card_with_its_own_call()
    {
        var store = await OpenAsync();
        // Batched on PostgreSQL (ids returned per call, then every card in one round trip): the pairing must survive.
        var calls = Enumerable.Range(0, 40).Select(i => Call("s" + i, T0.AddMinutes(i),
            Enumerable.Range(0, i % 4).Select(j => Card($"c-{i}-{j}", "rule-" + j)).ToArray())).ToList();
        await store.RecordHookCallsAsync(calls);
        var listed = await store.ListHookCallsAsync(new AuditQuery { Limit = 100 });
        Assert.Equal(40, listed.Count);
        foreach (var call in listed)
        {
            var i = int.Parse(call.ServiceId[1..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(Enumerable.Range(0, i % 4).Select(j => $"c-{i}-{j}"), call.Cards.Select(c => c.Uuid));
        }
    }

    [Fact]
    public async Task Calls_are_listed_newest_first_and_filtered_by_time_and_service()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 5; i++) await store.RecordHookCallAsync(Call(i % 2 == 0 ? "a" : "b", T0.AddHours(i)));
        var all = await store.ListHookCallsAsync(new AuditQuery());
        Assert.Equal([T0.AddHours(4), T0.AddHours(3), T0.AddHours(2), T0.AddHours(1), T0], all.Select(c => c.At));
        var a = await store.ListHookCallsAsync(new AuditQuery { ServiceId = "a", Since = T0.AddHours(1) });
        Assert.Equal([T0.AddHours(4), T0.AddHours(2)], a.Select(c => c.At));
        var window = await store.ListHookCallsAsync(new AuditQuery { Since = T0.AddHours(1), Until = T0.AddHours(3) });
        Assert.Equal([T0.AddHours(2), T0.AddHours(1)], window.Select(c => c.At));
        Assert.Equal(2, (await store.ListHookCallsAsync(new AuditQuery { Limit = 2 })).Count);
    }
}
