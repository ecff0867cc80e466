using System.Net;
using System.Net.Sockets;
using TaceCds.Fhir.Client;

namespace TaceCds.Fhir.Tests.Client;

/// <summary>Issue 13 row 1: which resolved addresses a FHIR server may be reached at, and the guard that checks them before any socket.</summary>
public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("fe80::1")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    public void Link_local_metadata_and_unspecified_addresses_are_never_contacted_even_by_the_operator_or_an_allowlist(string address)
    {
        var ip = IPAddress.Parse(address);
        Assert.NotNull(AddressPolicy.Operator.Refusal(ip));
        Assert.NotNull(new AddressPolicy { AllowLoopback = true, AllowPrivate = true, AllowedNetworks = [IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0")] }.Refusal(ip));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.100.100.200")] // Alibaba Cloud metadata, in the shared 100.64/10 range
    [InlineData("fd00:ec2::254")]   // AWS metadata over IPv6, unique-local
    [InlineData("::ffff:10.0.0.1")]
    public void Private_addresses_need_the_operator_or_an_allowlisted_network(string address)
    {
        var ip = IPAddress.Parse(address);
        Assert.NotNull(AddressPolicy.PublicOnly.Refusal(ip));
        Assert.Null(AddressPolicy.Operator.Refusal(ip));
        Assert.Null(new AddressPolicy { AllowedNetworks = [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("fc00::/7")] }.Refusal(ip));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    public void Loopback_needs_demo_mode_the_operator_or_an_allowlisted_network(string address)
    {
        var ip = IPAddress.Parse(address);
        Assert.NotNull(AddressPolicy.PublicOnly.Refusal(ip));
        Assert.Null(new AddressPolicy { AllowLoopback = true }.Refusal(ip));
        Assert.Null(AddressPolicy.Operator.Refusal(ip));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")] // just outside 172.16/12
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void Public_addresses_are_allowed(string address) => Assert.Null(AddressPolicy.PublicOnly.Refusal(IPAddress.Parse(address)));

    [Fact]
    public async Task The_guard_refuses_a_name_when_any_of_its_addresses_is_refused_and_opens_nothing()
    {
        var connects = new List<IPEndPoint>();
        var guard = new FhirConnectGuard(
            (host, _) => Task.FromResult<IPAddress[]>(host == "mixed.test" ? [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("169.254.169.254")] : []),
            (endpoint, _) => { connects.Add(endpoint); throw new SocketException((int)SocketError.ConnectionRefused); });
        using var client = new HttpClient(guard.CreateHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://mixed.test/fhir/Patient/p1");
        request.Options.Set(AddressPolicy.OptionKey, AddressPolicy.PublicOnly);
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request));
        Assert.IsType<AddressRefusedException>(ex.InnerException);
        Assert.Empty(connects);
        Assert.Equal((1, 1, 0), (guard.Attempts, guard.Refused, guard.Connected));
    }

    [Fact]
    public async Task Without_a_policy_on_the_request_the_guard_allows_public_addresses_only()
    {
        var guard = new FhirConnectGuard((_, _) => Task.FromResult<IPAddress[]>([]), (_, _) => throw new InvalidOperationException("must not connect"));
        using var client = new HttpClient(guard.CreateHandler());
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://127.0.0.1:9/fhir"));
        Assert.IsType<AddressRefusedException>(ex.InnerException);
        Assert.Equal(0, guard.Connected);
    }
}
