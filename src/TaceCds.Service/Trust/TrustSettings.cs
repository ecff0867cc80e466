using TaceCds.Security;

namespace TaceCds.Service.Trust;

/// <summary>
/// Authentication and store settings (section <c>TaceCds</c>; docs/configuration.md): <c>Store</c>,
/// <c>Auth:Enabled</c>, <c>Auth:Clients:N:{Issuer,JwksUrls,Jwks,PinnedKeysOnly,Tenant,Algorithms,FhirServers}</c>, <c>Auth:ClockSkewSeconds</c>,
/// <c>Auth:MaxLifetimeSeconds</c>, <c>Auth:MaxTokenLength</c>.
/// </summary>
public sealed record TrustSettings
{
    /// <summary>Where audit, feedback and the JWT replay cache live when nothing is configured.</summary>
    public const string DefaultStore = "sqlite:tacecds-store.db";

    public string Store { get; init; } = DefaultStore;
    /// <summary>On unless configured off; off is accepted only while the service listens on loopback.</summary>
    public bool AuthEnabled { get; init; } = true;
    public JwtVerifierOptions Verifier { get; init; } = new();

    /// <summary>Backpressure and crash window of the hook-call audit trail (<c>TaceCds:Audit</c>).</summary>
    public AuditSettings Audit { get; init; } = new();

    /// <summary>Per trusted client (by <c>iss</c>): the FHIR server origins its requests may name (<c>Auth:Clients:N:FhirServers</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ClientFhirServers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public static TrustSettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection(Hosting.ServiceSettings.Section);
        var auth = s.GetSection("Auth");
        var defaults = new JwtVerifierOptions();
        var clients = auth.GetSection("Clients").GetChildren().Select((c, i) => new TrustedClient
        {
            Issuer = c["Issuer"] is { Length: > 0 } iss ? iss : throw new InvalidOperationException($"configuration TaceCds:Auth:Clients:{i}:Issuer is required"),
            JwksUrls = List(c.GetSection("JwksUrls")).Select(u => Uri.TryCreate(u, UriKind.Absolute, out var url) ? url
                : throw new InvalidOperationException($"configuration TaceCds:Auth:Clients:{i}:JwksUrls: '{u}' is not an absolute URL")).ToList(),
            InlineJwks = c["Jwks"] is { Length: > 0 } jwks ? jwks : null,
            PinnedKeysOnly = c["PinnedKeysOnly"] is { Length: > 0 } pinnedOnly && (bool.TryParse(pinnedOnly, out var only) ? only
                : throw new InvalidOperationException($"configuration TaceCds:Auth:Clients:{i}:PinnedKeysOnly: '{pinnedOnly}' is not true or false")),
            Tenant = c["Tenant"] is { Length: > 0 } tenant ? tenant : null,
            Algorithms = List(c.GetSection("Algorithms")),
        }).ToList();
        // Keyed by issuer; a duplicate issuer is reported by the verifier ("listed twice"), not here.
        var fhirServers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var c in auth.GetSection("Clients").GetChildren().Where(c => c["Issuer"] is { Length: > 0 }))
            fhirServers.TryAdd(c["Issuer"]!, List(c.GetSection("FhirServers")).Select(o => Hosting.ServiceSettings.Origin(o, $"Auth:Clients:{c.Key}:FhirServers")).ToList());
        return new TrustSettings
        {
            ClientFhirServers = fhirServers,
            Audit = AuditSettings.From(s.GetSection("Audit")),
            Store = s["Store"] is { Length: > 0 } store ? store : DefaultStore,
            AuthEnabled = auth["Enabled"] is not { Length: > 0 } enabled || bool.Parse(enabled),
            Verifier = new JwtVerifierOptions
            {
                Clients = clients,
                ClockSkew = TimeSpan.FromSeconds(auth.GetValue("ClockSkewSeconds", defaults.ClockSkew.TotalSeconds)),
                MaxLifetime = auth.GetValue("MaxLifetimeSeconds", defaults.MaxLifetime!.Value.TotalSeconds) is var max and > 0 ? TimeSpan.FromSeconds(max) : null,
                MaxTokenLength = auth.GetValue("MaxTokenLength", defaults.MaxTokenLength),
            },
        };
    }

    // An array section (JwksUrls:0, JwksUrls:1) or one ';'-separated value (handy in environment variables).
    private static List<string> List(IConfigurationSection section) =>
        section.Value is { Length: > 0 } single
            ? single.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).ToList();
}
