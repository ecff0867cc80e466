using System.Data.Common;

namespace TaceCds.Store.Sql;

/// <summary>
/// The store over ADO.NET, shared by both backends: they differ only in how connections open, the migration
/// list and the migration lock. All SQL here is written to run unchanged on SQLite and PostgreSQL.
/// </summary>
public abstract partial class SqlCdsStore : ICdsStore
{
    public abstract string Backend { get; }
    protected abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>An open connection, with per-connection settings applied.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken ct);

    /// <summary>Makes concurrent starters (several instances) apply migrations one at a time.</summary>
    protected abstract Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>Creates the migrations table if needed and applies every missing step, each in its own transaction.</summary>
    public async Task MigrateAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await OpenConnectionAsync(ct);
        // Under the lock: PostgreSQL's CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin.
        await using (var create = await connection.BeginTransactionAsync(ct))
        {
            await LockForMigrationAsync(connection, create, ct);
            await ExecuteAsync(connection, create, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                  version    INTEGER PRIMARY KEY,
                  name       TEXT NOT NULL,
                  applied_at TEXT NOT NULL
                )
                """, ct);
            await create.CommitAsync(ct);
        }
        var known = Migrations.Count == 0 ? 0 : Migrations.Max(m => m.Version);
        foreach (var migration in Migrations.OrderBy(m => m.Version))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await LockForMigrationAsync(connection, tx, ct);
            var applied = await AppliedVersionAsync(connection, tx, ct);
            if (applied > known)
                throw new StoreException("STORE101", $"database schema version {applied} is newer than this build knows ({known})");
            if (migration.Version <= applied)
            {
                await tx.RollbackAsync(ct);
                continue;
            }
            if (migration.Version != applied + 1)
                throw new StoreException("STORE101", $"migration {migration.Version} would skip {applied + 1}");
            await ExecuteAsync(connection, tx, migration.Sql, ct);
            await ExecuteAsync(connection, tx,
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)", ct,
                ("v", migration.Version), ("n", migration.Name), ("t", StoreTime.ToText(now)));
            await tx.CommitAsync(ct);
        }
        // A database migrated by a newer build is refused even when every step we know is applied.
        var final = await AppliedVersionAsync(connection, null, ct);
        if (final > known)
            throw new StoreException("STORE101", $"database schema version {final} is newer than this build knows ({known})");
    }

    public async Task<int> SchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await AppliedVersionAsync(connection, null, cancellationToken);
    }

    private static async Task<int> AppliedVersionAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        var value = await ScalarAsync(connection, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", ct);
        return Convert.ToInt32(value);
    }

    protected static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        AddParameters(command.Parameters, command.CreateParameter, parameters);
        return command;
    }

    /// <summary>Binds <c>@name</c> parameters (null as DBNull) to a command or a batch command.</summary>
    protected static void AddParameters(DbParameterCollection target, Func<DbParameter> create, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var p = create();
            p.ParameterName = "@" + name;
            p.Value = value ?? DBNull.Value;
            target.Add(p);
        }
    }

    protected static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    protected static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, tx, sql, parameters);
        return await command.ExecuteScalarAsync(ct);
    }

    protected static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>WHERE clause over hook_call (alias h) for a query; only the filters given are added, so no untyped NULL parameters.</summary>
    protected static (string Where, (string, object?)[] Parameters) CallFilter(Records.AuditQuery query, string timeColumn = "h.at", string serviceColumn = "h.service_id")
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.Since is { } since) { clauses.Add($"{timeColumn} >= @since"); parameters.Add(("since", StoreTime.ToText(since))); }
        if (query.Until is { } until) { clauses.Add($"{timeColumn} < @until"); parameters.Add(("until", StoreTime.ToText(until))); }
        if (query.ServiceId is { } service) { clauses.Add($"{serviceColumn} = @service"); parameters.Add(("service", service)); }
        return (clauses.Count == 0 ? "" : " WHERE " + string.Join(" AND ", clauses), parameters.ToArray());
    }
}
