using System.Net;
using Microsoft.AspNetCore.Http;
using TaceCds.Fhir.Client;
using TaceCds.Security;
using TaceCds.Service.Errors;
using TaceCds.Service.Hosting;
using TaceCds.Service.Requests;
using TaceCds.Service.Trust;

namespace TaceCds.Service.Tests.Hostile;

/// <summary>Issue 13 row 1: the fhirServer origin allowlists (global, per trusted client, loopback in demo mode).</summary>
public sealed class FhirServerPolicyTests
{
    private const string ClientA = "https://ehr-a.example.org/";
    private const string ClientB = "https://ehr-b.example.org/";

    private static FhirServerPolicy Policy(bool auth, string[]? global = null, string[]? clientA = null, string[]? networks = null) => new(
        new ServiceSettings
        {
            FhirServerAllowedOrigins = (global ?? []).Select(o => ServiceSettings.Origin(o, "test")).ToList(),
            FhirServerAllowedNetworks = (networks ?? []).Select(IPNetwork.Parse).ToList(),
        },
        new TrustSettings
        {
            AuthEnabled = auth,
            ClientFhirServers = new Dictionary<string, IReadOnlyList<string>> { [ClientA] = (clientA ?? []).Select(o => ServiceSettings.Origin(o, "test")).ToList() },
        });

    private static HttpContext Caller(string? issuer)
    {
        var http = new DefaultHttpContext();
        if (issuer is not null) ClientIdentity.Set(http, JwtVerificationResult.Success(issuer, null, "jti-1", "kid-1", "ES384"));
        return http;
    }

    private static CdsRequest Request(string fhirServer) => new()
    {
        Hook = "patient-view",
        HookInstance = "h1",
        Context = System.Text.Json.JsonDocument.Parse("{}").RootElement,
        FhirServer = new FhirServerAccess(new Uri(fhirServer), "token", AddressPolicy.PublicOnly),
    };

    private static void Refused(Action call)
    {
        var problem = Assert.Throws<CdsProblem>(call);
        Assert.Equal((403, CdsErrorCodes.FhirServerNotAllowed, "fhirServer"), (problem.Status, problem.Code, problem.Field));
    }

    [Fact]
    public void A_clients_own_origin_is_allowed_for_it_and_refused_for_another_client()
    {
        var policy = Policy(auth: true, clientA: ["https://fhir.ehr-a.example.org"]);
        var allowed = policy.Authorize(Caller(ClientA), Request("https://FHIR.ehr-a.example.org:443/r4"));
        Assert.False(allowed.FhirServer!.Network.AllowLoopback);
        Assert.False(allowed.FhirServer.Network.AllowPrivate);
        Refused(() => policy.Authorize(Caller(ClientB), Request("https://fhir.ehr-a.example.org/r4")));
        Refused(() => policy.Authorize(Caller(ClientA), Request("https://fhir.ehr-a.example.org:8443/r4"))); // another port is another origin
        Refused(() => policy.Authorize(Caller(ClientA), Request("http://fhir.ehr-a.example.org/r4")));       // and another scheme
    }

    [Fact]
    public void A_global_origin_is_allowed_for_every_client_and_carries_the_allowlisted_networks()
    {
        var policy = Policy(auth: true, global: ["https://fhir.hospital.example"], networks: ["10.20.0.0/16"]);
        var allowed = policy.Authorize(Caller(ClientB), Request("https://fhir.hospital.example/r4"));
        Assert.Equal([IPNetwork.Parse("10.20.0.0/16")], allowed.FhirServer!.Network.AllowedNetworks);
    }

    [Theory]
    [InlineData("http://localhost:8080/fhir")]
    [InlineData("http://127.0.0.1:9/fhir")]
    [InlineData("http://[::1]:8080/fhir")]
    public void Without_auth_a_loopback_origin_is_allowed_and_may_reach_loopback_but_with_auth_it_must_be_listed(string fhirServer)
    {
        var demo = Policy(auth: false).Authorize(Caller(null), Request(fhirServer));
        Assert.True(demo.FhirServer!.Network.AllowLoopback);
        Assert.False(demo.FhirServer.Network.AllowPrivate);
        Refused(() => Policy(auth: true).Authorize(Caller(ClientA), Request(fhirServer)));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://10.0.0.5/fhir")]
    [InlineData("https://fhir.example.org/r4")]
    public void Without_auth_any_other_origin_is_refused_unless_configured(string fhirServer)
    {
        Refused(() => Policy(auth: false).Authorize(Caller(null), Request(fhirServer)));
        var origin = new Uri(fhirServer).GetLeftPart(UriPartial.Authority);
        Assert.NotNull(Policy(auth: false, global: [origin]).Authorize(Caller(null), Request(fhirServer)).FhirServer);
    }

    [Fact]
    public void A_request_without_fhirServer_passes_unchanged()
    {
        var request = Request("https://x.example") with { FhirServer = null };
        Assert.Same(request, Policy(auth: true).Authorize(Caller(null), request));
    }
}
