using TaceCds.Service.Hosting;

namespace TaceCds.Service.Tests.Deployment;

/// <summary>
/// Issue 14: demo mode without client JWTs stays on loopback, and off loopback the JWT audience
/// (<c>TaceCds:PublicBaseUrl</c>) must be configured. Checked by building the service as <c>Main</c> does.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"tacecds-startup-{Guid.NewGuid():N}.db");

    private string[] Args(params string[] more) => ["--TaceCds:Store=sqlite:" + _store, .. more];

    [Fact]
    public void No_auth_on_0_0_0_0_is_refused_naming_the_address()
    {
        var refused = Assert.Throws<StartupRefusedException>(() => Program.Build(Args("--urls=http://0.0.0.0:0", "--TaceCds:Auth:Enabled=false")));
        Assert.Contains("http://0.0.0.0:0", refused.Message);
        Assert.Contains("not a loopback address", refused.Message);
    }

    [Fact]
    public void No_auth_is_refused_when_any_one_of_several_addresses_is_not_loopback()
    {
        var refused = Assert.Throws<StartupRefusedException>(() =>
            Program.Build(Args("--urls=http://127.0.0.1:0;http://[::]:0", "--TaceCds:Auth:Enabled=false")));
        Assert.Contains("http://[::]:0", refused.Message);
    }

    [Fact]
    public void No_auth_on_a_Kestrel_endpoint_off_loopback_is_refused()
    {
        Assert.Throws<StartupRefusedException>(() =>
            Program.Build(Args("--Kestrel:Endpoints:Web:Url=http://0.0.0.0:0", "--TaceCds:Auth:Enabled=false")));
    }

    [Fact]
    public async Task No_auth_on_loopback_builds()
    {
        await using var app = Program.Build(Args("--urls=http://127.0.0.1:0", "--TaceCds:Auth:Enabled=false"));
        Assert.NotNull(app);
    }

    [Fact]
    public void Auth_on_off_loopback_without_PublicBaseUrl_is_refused_naming_the_key()
    {
        var refused = Assert.Throws<StartupRefusedException>(() => Program.Build(Args("--urls=http://0.0.0.0:0")));
        Assert.Contains("TaceCds:PublicBaseUrl", refused.Message);
    }

    [Fact]
    public async Task Auth_on_off_loopback_with_PublicBaseUrl_builds()
    {
        await using var app = Program.Build(Args("--urls=http://0.0.0.0:0", "--TaceCds:PublicBaseUrl=https://cds.example.org",
            "--TaceCds:Board:LinkSecret=" + new string('k', 32)));
        Assert.NotNull(app);
    }

    [Fact]
    public void An_unknown_log_format_is_refused()
    {
        var refused = Assert.Throws<StartupRefusedException>(() => Program.Build(Args("--TaceCds:LogFormat=xml")));
        Assert.Contains("'text' or 'json'", refused.Message);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_store + suffix); } catch (IOException) { }
    }
}
