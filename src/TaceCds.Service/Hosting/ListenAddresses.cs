using System.Net;

namespace TaceCds.Service.Hosting;

/// <summary>
/// Where the service listens, resolved as ASP.NET Core resolves it: <c>Kestrel:Endpoints:*:Url</c> when any is
/// configured (Kestrel then ignores the rest), else <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), else
/// <c>http_ports</c>/<c>https_ports</c> (<c>ASPNETCORE_HTTP_PORTS</c>, set by the official container images: every
/// interface), else <c>http://127.0.0.1:{TaceCds:Port}</c>. Start-up checks need the list before Kestrel binds it.
/// </summary>
public sealed record ListenAddresses(IReadOnlyList<string> Urls, bool FromKestrelEndpoints)
{
    public static ListenAddresses Resolve(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>().Where(u => u.Length > 0).ToList();
        if (endpoints.Count > 0) return new ListenAddresses(endpoints, true);
        if (Split(configuration["urls"]) is { Count: > 0 } urls) return new ListenAddresses(urls, false);
        var ports = Split(configuration["http_ports"]).Select(p => $"http://*:{p}")
            .Concat(Split(configuration["https_ports"]).Select(p => $"https://*:{p}")).ToList();
        if (ports.Count > 0) return new ListenAddresses(ports, false);
        var port = configuration.GetValue($"{ServiceSettings.Section}:Port", Program.DefaultPort);
        return new ListenAddresses([$"http://127.0.0.1:{port}"], false);
    }

    /// <summary>The addresses other machines may reach: anything but 127.0.0.0/8, [::1] and <c>localhost</c>.</summary>
    public IReadOnlyList<string> NonLoopback => Urls.Where(u => !IsLoopback(u)).ToList();

    /// <summary>
    /// True for a loopback address. Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>) and host names other than
    /// localhost are not: Kestrel binds every interface for them.
    /// </summary>
    public static bool IsLoopback(string url)
    {
        var host = HostOf(url);
        if (host is null) return false;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    // The host part of scheme://host[:port][/path]; [v6] keeps its brackets off. Null when the URL has no scheme.
    private static string? HostOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (start < 0) return null;
        var rest = url[(start + 3)..];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']');
            return close < 0 ? null : rest[1..close];
        }
        var end = rest.IndexOfAny([':', '/']);
        return end < 0 ? rest : rest[..end];
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
