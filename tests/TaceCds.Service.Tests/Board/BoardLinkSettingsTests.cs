using Microsoft.Extensions.Configuration;
using TaceCds.Service.Board;
using TaceCds.Service.Hosting;

namespace TaceCds.Service.Tests.Board;

/// <summary>
/// <c>TaceCds:Board</c>: a signing secret of at least 32 bytes, a lifetime of at most 15 minutes (the default), and no
/// enabled links off loopback without a configured secret; on loopback a missing secret is generated for the process.
/// </summary>
public sealed class BoardLinkSettingsTests
{
    private static readonly ListenAddresses Loopback = new(["http://127.0.0.1:5858"], false);
    private static readonly ListenAddresses Exposed = new(["http://0.0.0.0:8080"], false);

    private static BoardLinkSettings Read(ListenAddresses listen, params (string Key, string Value)[] settings) =>
        BoardLinkSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("TaceCds:Board:" + s.Key, s.Value))).Build(), listen);

    [Fact]
    public void By_default_links_are_on_for_15_minutes_and_on_loopback_sign_with_a_random_32_byte_key_of_the_process()
    {
        var settings = Read(Loopback);
        Assert.True(settings.Enabled);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.Lifetime);
        Assert.True(settings.SecretIsEphemeral);
        Assert.Equal(32, settings.Secret!.Length);
        Assert.NotEqual(settings.Secret, Read(Loopback).Secret);
    }

    [Fact]
    public void Off_loopback_enabled_links_without_a_secret_are_refused_naming_the_key()
    {
        var refused = Assert.Throws<StartupRefusedException>(() => Read(Exposed));
        Assert.Contains("TaceCds:Board:LinkSecret", refused.Message);
        Assert.Contains("http://0.0.0.0:8080", refused.Message);
    }

    [Fact]
    public void Off_loopback_a_32_byte_secret_is_used_as_configured()
    {
        var secret = new string('s', 32);
        var settings = Read(Exposed, ("LinkSecret", secret));
        Assert.False(settings.SecretIsEphemeral);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(secret), settings.Secret);
    }

    [Fact]
    public void Off_loopback_links_turned_off_need_no_secret()
    {
        var settings = Read(Exposed, ("LinksEnabled", "false"));
        Assert.False(settings.Enabled);
        Assert.Null(settings.Secret);
    }

    [Fact]
    public void A_31_byte_secret_is_refused_even_on_loopback()
    {
        var refused = Assert.Throws<StartupRefusedException>(() => Read(Loopback, ("LinkSecret", new string('s', 31))));
        Assert.Contains("31 bytes", refused.Message);
        Assert.Contains("at least 32", refused.Message);
    }

    [Theory]
    [InlineData("16")]
    [InlineData("0")]
    [InlineData("-5")]
    public void A_lifetime_outside_1_to_15_minutes_is_refused(string minutes)
    {
        var refused = Assert.Throws<StartupRefusedException>(() => Read(Loopback, ("LinkLifetimeMinutes", minutes)));
        Assert.Contains("LinkLifetimeMinutes", refused.Message);
    }

    [Fact]
    public void A_lifetime_of_15_minutes_is_accepted_and_of_2_minutes_is_kept() =>
        Assert.Equal((15, 2), ((int)Read(Loopback, ("LinkLifetimeMinutes", "15")).Lifetime.TotalMinutes, (int)Read(Loopback, ("LinkLifetimeMinutes", "2")).Lifetime.TotalMinutes));

    [Fact]
    public void A_SMART_launch_URL_that_is_not_absolute_is_refused() =>
        Assert.Throws<StartupRefusedException>(() => Read(Loopback, ("SmartLaunchUrl", "/launch")));

    [Fact]
    public void The_service_refuses_to_start_off_loopback_with_links_on_and_no_secret()
    {
        var store = Path.Combine(Path.GetTempPath(), $"tacecds-link-startup-{Guid.NewGuid():N}.db");
        try
        {
            var refused = Assert.Throws<StartupRefusedException>(() => Program.Build(
                ["--TaceCds:Store=sqlite:" + store, "--urls=http://0.0.0.0:0", "--TaceCds:PublicBaseUrl=https://cds.example.org"]));
            Assert.Contains("TaceCds:Board:LinkSecret", refused.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                try { File.Delete(store + suffix); } catch (IOException) { }
        }
    }
}
