namespace TaceCds.Store.Tests;

public abstract partial class CdsStoreContract
{
    private const string Iss = "https://ehr.example.org/";

    [Fact]
    public async Task A_jti_is_accepted_once_per_issuer()
    {
        var store = await OpenAsync();
        Assert.True(await store.TryRememberAsync(Iss, "j-1", T0.AddMinutes(5), default));
        Assert.False(await store.TryRememberAsync(Iss, "j-1", T0.AddMinutes(5), default));
        Assert.True(await store.TryRememberAsync("https://other.example/", "j-1", T0.AddMinutes(5), default));
    }

    [Fact]
    public async Task The_replay_cache_is_shared_by_instances_on_the_same_store()
    {
        var a = await OpenAsync();
        var b = await OpenAsync();
        Assert.True(await a.TryRememberAsync(Iss, "j-1", T0.AddMinutes(5), default));
        Assert.False(await b.TryRememberAsync(Iss, "j-1", T0.AddMinutes(5), default));
    }

    [Fact]
    public async Task Racing_instances_let_exactly_one_use_a_jti()
    {
        var stores = new[] { await OpenAsync(), await OpenAsync() };
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => stores[i % 2].TryRememberAsync(Iss, "race", T0.AddMinutes(5), default)));
        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Expired_entries_are_purged_and_may_be_reused()
    {
        var store = await OpenAsync();
        Assert.True(await store.TryRememberAsync(Iss, "old", T0.AddMinutes(1), default));
        Assert.True(await store.TryRememberAsync(Iss, "new", T0.AddMinutes(10), default));
        Clock.Now = T0.AddMinutes(2);
        // An expired entry does not block (its token would fail exp anyway); it is taken over.
        Assert.True(await store.TryRememberAsync(Iss, "old", T0.AddMinutes(7), default));
        Assert.False(await store.TryRememberAsync(Iss, "old", T0.AddMinutes(7), default));

        Assert.Equal(0, await store.PurgeExpiredAsync(T0.AddMinutes(2)));
        Assert.Equal(1, await store.PurgeExpiredAsync(T0.AddMinutes(8)));
        Assert.False(await store.TryRememberAsync(Iss, "new", T0.AddMinutes(10), default));
        Assert.Equal(1, await store.PurgeExpiredAsync(T0.AddMinutes(11)));
    }
}
