using Npgsql;

namespace TaceCds.Store.Tests;

/// <summary>
/// A fresh schema per test in the test PostgreSQL (tools/install/postgresql.sh starts it on 127.0.0.1:54329).
/// TACECDS_TEST_PG overrides the connection string. When PostgreSQL is unreachable the tests FAIL: a skipped
/// backend would hide exactly the multi-instance bugs these tests exist for.
/// </summary>
public sealed class PostgresBackend : IStoreBackend
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=54329;Database=tacecds;Username=tacecds;Password=tacecds;Timeout=5";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("TACECDS_TEST_PG") is { Length: > 0 } fromEnv ? fromEnv : DefaultConnectionString;

    private readonly string _schema = "test_" + Guid.NewGuid().ToString("N");

    public string Name => "postgres";
    public string ConnectionString => new NpgsqlConnectionStringBuilder(AdminConnectionString) { SearchPath = _schema }.ToString();
    public string Location => "postgres:" + ConnectionString;

    public async Task PrepareAsync()
    {
        try
        {
            await ExecuteAsync(AdminConnectionString, $"CREATE SCHEMA {_schema}");
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL for the store tests is unreachable ({e.Message}). Run tools/install/postgresql.sh (./test.sh does) " +
                "or point TACECDS_TEST_PG at a server.", e);
        }
    }

    public Task ExecuteRawAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await ExecuteAsync(AdminConnectionString, $"DROP SCHEMA IF EXISTS {_schema} CASCADE"); }
        catch (NpgsqlException) { /* best effort: the schema name is unique anyway */ }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
