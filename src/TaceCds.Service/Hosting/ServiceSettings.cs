using System.Globalization;
using TaceCds.Fhir.Client;

namespace TaceCds.Service.Hosting;

/// <summary>
/// Everything the service reads from configuration (section <c>TaceCds</c>: appsettings, command line, or environment
/// variables such as <c>TaceCds__FhirServer__BaseUrl</c>). docs/configuration.md documents each key.
/// </summary>
public sealed record ServiceSettings
{
    public const string Section = "TaceCds";

    /// <summary>The URL clients reach the service at; its path (e.g. <c>/cds</c> behind a proxy) becomes the path base.</summary>
    public Uri? PublicBaseUrl { get; init; }

    /// <summary>A FHIR server to read when a request has no <c>fhirServer</c> (read without a token unless one is configured).</summary>
    public Uri? FhirServerBaseUrl { get; init; }

    /// <summary>A bearer token for <see cref="FhirServerBaseUrl"/>; from a secret store or the environment, never logged.</summary>
    public string? FhirServerBearerToken { get; init; }

    /// <summary>
    /// Origins (<c>scheme://host:port</c>) any caller's <c>fhirServer</c> may name (<c>TaceCds:FhirServer:AllowedOrigins</c>);
    /// each trusted client may add its own (<c>TaceCds:Auth:Clients:N:FhirServers</c>). Stored normalised, lower case, with the port.
    /// </summary>
    public IReadOnlyList<string> FhirServerAllowedOrigins { get; init; } = [];

    /// <summary>
    /// Private or loopback networks (CIDR) a request's <c>fhirServer</c> may resolve to (<c>TaceCds:FhirServer:AllowedNetworks</c>);
    /// without them only public addresses are contacted. Link-local and metadata ranges never are.
    /// </summary>
    public IReadOnlyList<System.Net.IPNetwork> FhirServerAllowedNetworks { get; init; } = [];

    /// <summary>Bundle files or folders served as a read-only local data source when no FHIR server is known.</summary>
    public IReadOnlyList<string> LocalData { get; init; } = [];

    /// <summary>The rule-pack folder; null: TACECDS_RULES, the repository's rules/, or the copy next to the binary.</summary>
    public string? RulesDirectory { get; init; }

    /// <summary>
    /// The site's own ValueSet files or folders (<c>TaceCds:Terminology:Paths</c>), loaded over the built-in value sets at
    /// start-up; an error refuses the start (TERM1xx).
    /// </summary>
    public IReadOnlyList<string> TerminologyPaths { get; init; } = [];

    /// <summary>CORS origins allowed to call the service; <c>*</c> (the default) allows any.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = ["*"];

    /// <summary>Evaluate as of this day instead of today (demos and reproducible tests); null in production.</summary>
    public DateOnly? AsOf { get; init; }

    public ServiceLimits Limits { get; init; } = new();

    public FhirClientOptions FhirClient { get; init; } = FhirClientOptions.Default;

    public static ServiceSettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection(Section);
        var limits = s.GetSection("Limits");
        var client = s.GetSection("FhirClient");
        var defaults = FhirClientOptions.Default;
        return new ServiceSettings
        {
            PublicBaseUrl = AbsoluteUrl(s["PublicBaseUrl"], "PublicBaseUrl"),
            FhirServerBaseUrl = AbsoluteUrl(s["FhirServer:BaseUrl"], "FhirServer:BaseUrl"),
            FhirServerBearerToken = s["FhirServer:BearerToken"] is { Length: > 0 } token ? token : null,
            FhirServerAllowedOrigins = List(s, "FhirServer:AllowedOrigins").Select(o => Origin(o, "FhirServer:AllowedOrigins")).ToList(),
            FhirServerAllowedNetworks = List(s, "FhirServer:AllowedNetworks").Select(n => Network(n, "FhirServer:AllowedNetworks")).ToList(),
            LocalData = List(s, "LocalData"),
            RulesDirectory = s["Rules"] is { Length: > 0 } rules ? rules : null,
            TerminologyPaths = List(s, "Terminology:Paths"),
            CorsOrigins = List(s, "Cors:Origins") is { Count: > 0 } origins ? origins : ["*"],
            AsOf = s["AsOf"] is { Length: > 0 } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Limits = new ServiceLimits
            {
                MaxRequestBytes = limits.GetValue("MaxRequestBytes", new ServiceLimits().MaxRequestBytes),
                MaxJsonDepth = limits.GetValue("MaxJsonDepth", new ServiceLimits().MaxJsonDepth),
            },
            FhirClient = new FhirClientOptions
            {
                RequestTimeout = TimeSpan.FromMilliseconds(client.GetValue("RequestTimeoutMs", defaults.RequestTimeout.TotalMilliseconds)),
                TotalTimeout = TimeSpan.FromMilliseconds(client.GetValue("TotalTimeoutMs", defaults.TotalTimeout.TotalMilliseconds)),
                MaxPages = client.GetValue("MaxPages", defaults.MaxPages),
                MaxResponseBytes = client.GetValue("MaxResponseBytes", defaults.MaxResponseBytes),
                MaxCallBytes = client.GetValue("MaxCallBytes", defaults.MaxCallBytes),
                MaxRetries = client.GetValue("MaxRetries", defaults.MaxRetries),
                RetryBaseDelay = TimeSpan.FromMilliseconds(client.GetValue("RetryBaseDelayMs", defaults.RetryBaseDelay.TotalMilliseconds)),
            },
        };
    }

    /// <summary>An origin as the allowlists compare it: <c>scheme://host:port</c>, lower case, port always written.</summary>
    public static string Origin(string value, string key) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? FhirServerAccess.OriginOf(url)
            : throw new InvalidOperationException($"configuration {Section}:{key}: '{value}' is not an absolute http(s) URL");

    private static System.Net.IPNetwork Network(string value, string key) =>
        System.Net.IPNetwork.TryParse(value, out var network)
            ? network
            : throw new InvalidOperationException($"configuration {Section}:{key}: '{value}' is not a CIDR network such as 10.20.0.0/16");

    // A list from either an array section (LocalData:0, LocalData:1) or one ';'-separated value (handy in env vars).
    internal static List<string> List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        if (child.Value is { Length: > 0 } single)
            return single.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return child.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToList();
    }

    private static Uri? AbsoluteUrl(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? url
            : throw new InvalidOperationException($"configuration {Section}:{key} must be an absolute http(s) URL");
    }
}
