namespace TaceCds.Fhir.Client;

/// <summary>
/// Where a FHIR server is and the bearer token to call it with. The token is transient (CDS Hooks 2.0.1
/// §"fhirAuthorization": the service "MUST" treat it so): it is only ever put in an <c>Authorization</c> header, and
/// <see cref="ToString"/> never shows it.
/// </summary>
public sealed class FhirServerAccess
{
    /// <param name="network">
    /// The addresses the server may be reached at; default <see cref="AddressPolicy.Operator"/> (a configured server or a
    /// CLI argument). A server named by a request gets a stricter one (<see cref="WithNetwork"/>).
    /// </param>
    public FhirServerAccess(Uri baseUrl, string? bearerToken = null, AddressPolicy? network = null)
    {
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException("the FHIR server base URL must be an absolute http(s) URL", nameof(baseUrl));
        // A trailing slash makes relative URLs resolve below the base rather than beside its last segment.
        BaseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        BearerToken = string.IsNullOrEmpty(bearerToken) ? null : bearerToken;
        Network = network ?? AddressPolicy.Operator;
    }

    /// <summary>Which resolved addresses may be contacted (checked at connect time by <see cref="FhirConnectGuard"/>).</summary>
    public AddressPolicy Network { get; }

    /// <summary>The same server and token under another address policy.</summary>
    public FhirServerAccess WithNetwork(AddressPolicy network) => new(BaseUrl, BearerToken, network);

    /// <summary>scheme://host:port of the base URL, lower case, port always written (the unit of the origin allowlists).</summary>
    public string Origin => OriginOf(BaseUrl);

    public static string OriginOf(Uri url) => $"{url.Scheme}://{url.IdnHost}:{url.Port}".ToLowerInvariant();

    /// <summary>The base URL, always ending in '/'.</summary>
    public Uri BaseUrl { get; }

    internal string? BearerToken { get; }

    public bool HasToken => BearerToken is not null;

    /// <summary>Whether <paramref name="url"/> lies under the base URL (same scheme, host, port and path prefix).</summary>
    public bool Contains(Uri url) =>
        url.IsAbsoluteUri && BaseUrl.IsBaseOf(url) &&
        string.Equals(url.GetLeftPart(UriPartial.Authority), BaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);

    public override string ToString() => BaseUrl + (HasToken ? " (bearer token)" : "");
}
