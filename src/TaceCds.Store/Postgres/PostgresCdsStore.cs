using System.Data.Common;
using Npgsql;
using TaceCds.Store.Sql;

namespace TaceCds.Store.Postgres;

/// <summary>
/// The store for several service instances: one PostgreSQL database shared by all, including the JWT replay cache.
/// Migrations take a transaction-scoped advisory lock so instances starting together apply each step once.
/// </summary>
public sealed class PostgresCdsStore : SqlCdsStore
{
    /// <summary>Arbitrary but fixed: "TACE" in ASCII, the advisory-lock key for schema migrations.</summary>
    private const long MigrationLockKey = 0x54414345;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresCdsStore(string connectionString, TimeProvider clock)
    {
        try
        {
            _dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreException("STORE100", $"bad PostgreSQL connection string: {e.Message}", e);
        }
        Clock = clock;
    }

    public override string Backend => StoreLocation.Postgres;
    protected override IReadOnlyList<Migration> Migrations => PostgresMigrations.All;
    protected override TimeProvider Clock { get; }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new StoreException("STORE102", $"cannot reach PostgreSQL store: {e.Message}", e);
        }
    }

    protected override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) =>
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", ct);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
