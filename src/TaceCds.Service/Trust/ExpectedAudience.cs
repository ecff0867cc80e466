using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TaceCds.Service.Hosting;

namespace TaceCds.Service.Trust;

/// <summary>
/// The URLs a client JWT's <c>aud</c> may name, from configuration only — never from the request: a <c>Host</c> or
/// <c>X-Forwarded-*</c> header is written by whoever sends the request, so an audience built from it would accept a
/// token minted for any site the attacker names (issue 13 row 5).
/// <list type="bullet">
/// <item><c>TaceCds:PublicBaseUrl</c> when set (behind a proxy; its path is the path base): that URL + the endpoint path.</item>
/// <item>Else the service's own listening URLs (e.g. <c>http://127.0.0.1:5858</c>), which must all be loopback; a
/// loopback listener is also known as <c>localhost</c> on the same port.</item>
/// </list>
/// Auth on and a listener off loopback without <c>TaceCds:PublicBaseUrl</c> stops the service at start-up
/// (<see cref="ClientAuthentication"/>): there would be no trustworthy audience.
/// </summary>
public sealed class ExpectedAudience(ServiceSettings settings, IServer server)
{
    private readonly Lazy<IReadOnlyList<string>> _bases = new(() => Bases(settings, ListeningAddresses(server)));

    /// <summary>The base URLs (no trailing slash), computed once the server listens.</summary>
    public IReadOnlyList<string> Bases() => _bases.Value;

    /// <summary>The accepted <c>aud</c> values for a request to <paramref name="path"/> (the path after the path base).</summary>
    public IReadOnlyList<string> For(PathString path)
    {
        var bases = _bases.Value;
        var urls = new string[bases.Count];
        for (var i = 0; i < bases.Count; i++) urls[i] = bases[i] + path.Value;
        return urls;
    }

    public static IReadOnlyList<string> ListeningAddresses(IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    public static IReadOnlyList<string> Bases(ServiceSettings settings, IReadOnlyList<string> listening)
    {
        if (settings.PublicBaseUrl is { } publicBase) return [publicBase.GetLeftPart(UriPartial.Path).TrimEnd('/')];
        var bases = new List<string>();
        foreach (var address in listening)
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || !IsLoopback(url.Host)) continue;
            var port = url.IsDefaultPort ? "" : ":" + url.Port;
            bases.Add($"{url.Scheme}://{url.Host}{port}");
            bases.Add($"{url.Scheme}://localhost{port}");
        }
        return bases.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a listening address is loopback only (<c>*</c>, <c>+</c>, <c>0.0.0.0</c> and host names other than localhost are not).</summary>
    public static bool IsLoopbackAddress(string address)
    {
        var normalised = address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        return Uri.TryCreate(normalised, UriKind.Absolute, out var url) && IsLoopback(url.Host);
    }

    private static bool IsLoopback(string host)
    {
        var bare = host.Trim('[', ']');
        return bare.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(bare, out var ip) && IPAddress.IsLoopback(ip));
    }
}
