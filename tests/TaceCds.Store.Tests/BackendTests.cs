namespace TaceCds.Store.Tests;

/// <summary>The store contract on a SQLite file.</summary>
public sealed class SqliteStoreTests() : CdsStoreContract(new SqliteBackend())
{
    [Fact]
    public async Task The_file_uses_wal_and_full_synchronous_writes()
    {
        var store = await OpenAsync();
        await store.RecordHookCallAsync(Call("s", T0));
        var backend = (SqliteBackend)Backend;
        Assert.True(File.Exists(backend.Path_ + "-wal"), "WAL file expected next to the database");
    }
}

/// <summary>The store contract on PostgreSQL (one schema per test).</summary>
public sealed class PostgresStoreTests() : CdsStoreContract(new PostgresBackend());

/// <summary>Parsing of store locations, independent of any database.</summary>
public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("sqlite:/var/lib/tacecds/store.db", "sqlite", "/var/lib/tacecds/store.db")]
    [InlineData("postgres:Host=db;Database=x", "postgres", "Host=db;Database=x")]
    [InlineData("postgresql:Host=db", "postgres", "Host=db")]
    public void Parses(string spec, string backend, string target) =>
        Assert.Equal(new StoreLocation(backend, target), StoreLocation.Parse(spec));

    [Theory]
    [InlineData("")]
    [InlineData("sqlite:")]
    [InlineData("mysql:x")]
    [InlineData("/just/a/path")]
    public void Refuses(string spec) => Assert.Equal("STORE100", Assert.Throws<StoreException>(() => StoreLocation.Parse(spec)).Code);

    [Fact]
    public void Never_prints_the_postgres_password() =>
        Assert.DoesNotContain("s3cret", StoreLocation.Parse("postgres:Host=db;Database=x;Username=u;Password=s3cret").ToString());
}
