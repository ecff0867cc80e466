namespace TaceCds.Store;

/// <summary>
/// Where the store lives, written as <c>sqlite:PATH</c> (a file; the default) or <c>postgres:CONNECTION-STRING</c>
/// (Npgsql syntax, e.g. <c>postgres:Host=db;Database=tacecds;Username=tacecds;Password=…</c>).
/// </summary>
public sealed record StoreLocation(string Backend, string Target)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static StoreLocation Parse(string spec)
    {
        var colon = spec.IndexOf(':');
        var scheme = colon > 0 ? spec[..colon] : "";
        var rest = colon > 0 ? spec[(colon + 1)..] : "";
        return scheme switch
        {
            Sqlite when rest.Length > 0 => new StoreLocation(Sqlite, rest),
            "postgres" or "postgresql" when rest.Length > 0 => new StoreLocation(Postgres, rest),
            _ => throw new StoreException("STORE100", "store must be sqlite:PATH or postgres:CONNECTION-STRING"),
        };
    }

    /// <summary>For logs: the SQLite path, or the PostgreSQL host/database without the password.</summary>
    public override string ToString() => Backend == Sqlite ? $"sqlite:{Target}" : $"postgres:{Postgres_.Redact(Target)}";

    private static class Postgres_
    {
        public static string Redact(string connectionString)
        {
            try
            {
                var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
                return $"Host={b.Host};Port={b.Port};Database={b.Database};Username={b.Username}";
            }
            catch (ArgumentException)
            {
                return "(unparsable connection string)";
            }
        }
    }
}
