using TaceCds.Store.Postgres;
using TaceCds.Store.Sql;
using TaceCds.Store.Sqlite;

namespace TaceCds.Store;

/// <summary>Opens a store and brings its schema up to date.</summary>
public static class CdsStore
{
    public static Task<ICdsStore> OpenAsync(string spec, TimeProvider clock, CancellationToken ct = default) =>
        OpenAsync(StoreLocation.Parse(spec), clock, ct);

    public static async Task<ICdsStore> OpenAsync(StoreLocation location, TimeProvider clock, CancellationToken ct = default)
    {
        SqlCdsStore store = location.Backend == StoreLocation.Postgres
            ? new PostgresCdsStore(location.Target, clock)
            : new SqliteCdsStore(location.Target, clock);
        try
        {
            await store.MigrateAsync(clock.GetUtcNow(), ct);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }
}
