using Microsoft.Extensions.Configuration;
using TaceCds.Service.Hosting;

namespace TaceCds.Service.Tests.Deployment;

/// <summary>Where the service listens, resolved in ASP.NET Core's order, and which of those addresses are loopback.</summary>
public sealed class ListenAddressesTests
{
    private static ListenAddresses Resolve(params (string Key, string Value)[] settings) =>
        ListenAddresses.Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void Nothing_configured_listens_on_127_0_0_1_port_5858()
    {
        var listen = Resolve();
        Assert.Equal(["http://127.0.0.1:5858"], listen.Urls);
        Assert.Empty(listen.NonLoopback);
    }

    [Fact]
    public void TaceCds_Port_moves_the_default_loopback_address()
    {
        Assert.Equal(["http://127.0.0.1:6000"], Resolve(("TaceCds:Port", "6000")).Urls);
    }

    [Fact]
    public void Urls_are_split_on_semicolons_and_override_the_port()
    {
        var listen = Resolve(("urls", "http://0.0.0.0:8080; https://[::1]:8443"), ("TaceCds:Port", "6000"));
        Assert.Equal(["http://0.0.0.0:8080", "https://[::1]:8443"], listen.Urls);
        Assert.Equal(["http://0.0.0.0:8080"], listen.NonLoopback);
        Assert.False(listen.FromKestrelEndpoints);
    }

    [Fact]
    public void Kestrel_endpoints_win_over_urls_as_Kestrel_itself_decides()
    {
        var listen = Resolve(("urls", "http://127.0.0.1:1"), ("Kestrel:Endpoints:Https:Url", "https://0.0.0.0:8443"));
        Assert.Equal(["https://0.0.0.0:8443"], listen.Urls);
        Assert.True(listen.FromKestrelEndpoints);
    }

    [Fact]
    public void Container_http_ports_listen_on_every_interface()
    {
        Assert.Equal(["http://*:8080"], Resolve(("http_ports", "8080")).Urls);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5858", true)]
    [InlineData("http://127.1.2.3:5858", true)]
    [InlineData("http://localhost:5858", true)]
    [InlineData("https://[::1]:8443", true)]
    [InlineData("http://0.0.0.0:5858", false)]
    [InlineData("http://[::]:5858", false)]
    [InlineData("http://*:5858", false)]
    [InlineData("http://+:5858", false)]
    [InlineData("http://cds.example.org:80", false)]
    [InlineData("http://10.0.0.5:5858", false)]
    [InlineData("not a url", false)]
    public void Only_loopback_addresses_count_as_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));
}
