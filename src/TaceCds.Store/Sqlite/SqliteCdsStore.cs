using System.Data.Common;
using Microsoft.Data.Sqlite;
using TaceCds.Store.Sql;

namespace TaceCds.Store.Sqlite;

/// <summary>
/// The default store: one SQLite file. WAL journal (readers do not block the writer) and synchronous=FULL, so a
/// transaction that returned has reached the disk: feedback answered with 200 survives a crash or power cut.
/// </summary>
public sealed class SqliteCdsStore : SqlCdsStore
{
    private static readonly object InitLock = new();
    private static bool _initialized;
    private readonly string _connectionString;

    public SqliteCdsStore(string path, TimeProvider clock)
    {
        lock (InitLock)
        {
            if (!_initialized) { SQLitePCL.Batteries_V2.Init(); _initialized = true; }
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Cache = SqliteCacheMode.Private,
            Pooling = true, DefaultTimeout = 30,
        }.ToString();
        Clock = clock;
    }

    public override string Backend => StoreLocation.Sqlite;
    protected override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;
    protected override TimeProvider Clock { get; }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // journal_mode is stored in the file; synchronous and foreign_keys are per connection.
            await ExecuteAsync(connection, null,
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;", ct);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new StoreException("STORE102", $"cannot open SQLite store: {e.Message}", e);
        }
    }

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default for BeginTransaction) already serializes writers.
    protected override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct) => Task.CompletedTask;

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }
}
