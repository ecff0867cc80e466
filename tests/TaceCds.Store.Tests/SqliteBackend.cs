using Microsoft.Data.Sqlite;

namespace TaceCds.Store.Tests;

/// <summary>A fresh SQLite file per test in a temporary folder.</summary>
public sealed class SqliteBackend : IStoreBackend
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tacecds-store-" + Guid.NewGuid().ToString("N"));
    public string Name => "sqlite";
    public string Path_ => System.IO.Path.Combine(_dir, "store.db");
    public string Location => "sqlite:" + Path_;

    public Task PrepareAsync()
    {
        Directory.CreateDirectory(_dir);
        return Task.CompletedTask;
    }

    public async Task ExecuteRawAsync(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={Path_};Pooling=False");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
