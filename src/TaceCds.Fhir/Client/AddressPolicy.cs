using System.Net;

namespace TaceCds.Fhir.Client;

/// <summary>
/// Which resolved IP addresses a FHIR server may be reached at (SSRF defence, issue 13 row 1). Checked by
/// <see cref="FhirConnectGuard"/> on the addresses DNS actually returned, so a public name pointing at a private or
/// metadata address is refused too:
/// <list type="bullet">
/// <item>never: link-local and cloud-metadata ranges (169.254.0.0/16, fe80::/10), unspecified, multicast and broadcast —
/// whatever the policy;</item>
/// <item>loopback (127.0.0.0/8, ::1): only when <see cref="AllowLoopback"/> or an <see cref="AllowedNetworks"/> entry covers it;</item>
/// <item>private (10/8, 172.16/12, 192.168/16, 100.64/10 shared, 198.18/15 benchmarking, fc00::/7 unique-local,
/// fec0::/10 site-local): only when <see cref="AllowPrivate"/> or an <see cref="AllowedNetworks"/> entry covers it;</item>
/// <item>every other (public) address: allowed.</item>
/// </list>
/// </summary>
public sealed record AddressPolicy
{
    /// <summary>A server named by a request: public addresses only.</summary>
    public static AddressPolicy PublicOnly { get; } = new();

    /// <summary>A server the operator configured (or a CLI user typed): any address but the never-contacted ranges.</summary>
    public static AddressPolicy Operator { get; } = new() { AllowLoopback = true, AllowPrivate = true };

    public bool AllowLoopback { get; init; }
    public bool AllowPrivate { get; init; }

    /// <summary>Loopback or private networks that may be contacted although the flags above are off.</summary>
    public IReadOnlyList<IPNetwork> AllowedNetworks { get; init; } = [];

    /// <summary>The key under which <see cref="FhirRestClient"/> hands the policy to the connect guard with each request.</summary>
    public static readonly HttpRequestOptionsKey<AddressPolicy> OptionKey = new("TaceCds.AddressPolicy");

    private static readonly IPNetwork[] Never =
    [
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"), IPNetwork.Parse("::/128"), IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    private static readonly IPNetwork[] Private =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fec0::/10"),
    ];

    /// <summary>Null when <paramref name="address"/> may be contacted, else why not (for the FC108 message; no secrets in it).</summary>
    public string? Refusal(IPAddress address)
    {
        // ::ffff:169.254.169.254 is 169.254.169.254 on the wire.
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (In(Never, ip)) return $"{ip} is link-local, metadata, multicast or unspecified: never contacted";
        if (AllowedNetworks.Any(n => n.Contains(ip))) return null;
        if (In(Loopback, ip)) return AllowLoopback ? null : $"{ip} is loopback, which is not allowed for this FHIR server";
        if (In(Private, ip)) return AllowPrivate ? null : $"{ip} is a private address not on TaceCds:FhirServer:AllowedNetworks";
        return null;
    }

    // IPNetwork.Contains is false across address families.
    private static bool In(IPNetwork[] networks, IPAddress ip) => networks.Any(n => n.Contains(ip));
}
