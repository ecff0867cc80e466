using System.Net;
using TaceCds.Fhir.Client;
using TaceCds.Service.Errors;
using TaceCds.Service.Hosting;
using TaceCds.Service.Requests;

namespace TaceCds.Service.Trust;

/// <summary>
/// Which <c>fhirServer</c> a request may name (issue 13 row 1: the service connected to 169.254.169.254 and would have
/// sent the request's access token there). Checked as soon as the request is read, before any connection:
/// <list type="bullet">
/// <item>its origin (<c>scheme://host:port</c>) must be on <c>TaceCds:FhirServer:AllowedOrigins</c>, or on the verified
/// client's <c>TaceCds:Auth:Clients:N:FhirServers</c>; in <c>--no-auth</c> demo mode a loopback origin
/// (<c>localhost</c>, 127.0.0.0/8, ::1) is allowed too — else 403 CDS114;</item>
/// <item>its resolved addresses must then pass the <see cref="AddressPolicy"/> given here — public, or on
/// <c>TaceCds:FhirServer:AllowedNetworks</c>, or loopback in demo mode — checked at connect time by
/// <see cref="FhirConnectGuard"/> whatever DNS answers (FC108).</item>
/// </list>
/// The configured <c>TaceCds:FhirServer:BaseUrl</c> is the operator's choice and is not subject to these lists.
/// </summary>
public sealed class FhirServerPolicy(ServiceSettings settings, TrustSettings trust)
{
    private readonly HashSet<string> _global = new(settings.FhirServerAllowedOrigins, StringComparer.Ordinal);

    /// <summary>The request with its <c>fhirServer</c> under this caller's address policy; throws 403 CDS114 when the origin is not allowed.</summary>
    public CdsRequest Authorize(HttpContext http, CdsRequest request)
    {
        if (request.FhirServer is not { } server) return request;
        var origin = server.Origin;
        var demo = !trust.AuthEnabled;
        var issuer = ClientIdentity.Get(http)?.Issuer;
        var allowed = _global.Contains(origin)
            || (issuer is not null && trust.ClientFhirServers.TryGetValue(issuer, out var own) && own.Contains(origin, StringComparer.Ordinal))
            || (demo && IsLoopbackHost(server.BaseUrl));
        if (!allowed)
            throw new CdsProblem(StatusCodes.Status403Forbidden, CdsErrorCodes.FhirServerNotAllowed,
                $"fhirServer origin {origin} is not allowed for this client (TaceCds:FhirServer:AllowedOrigins, TaceCds:Auth:Clients:N:FhirServers" +
                (demo ? "; without authentication only loopback origins are allowed)" : ")"), "fhirServer", "security");
        return request with
        {
            FhirServer = server.WithNetwork(new AddressPolicy { AllowLoopback = demo, AllowedNetworks = settings.FhirServerAllowedNetworks }),
        };
    }

    private static bool IsLoopbackHost(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
