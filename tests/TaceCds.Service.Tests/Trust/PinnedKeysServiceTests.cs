using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Security.Tests;

namespace TaceCds.Service.Tests.Trust;

/// <summary>
/// Issue 18 point 4 through the whole service: a client configured with pinned keys (<c>Auth:Clients:N:Jwks</c>) whose
/// tokens carry a <c>jku</c>, as the CDS Hooks sandbox's always do (ES384, <c>kid</c>, <c>jku</c>; iss, aud, exp = iat +
/// 300 s, jti). The <c>jku</c> here is a loopback port where nothing listens: had the service fetched it, the call would
/// fail AUTH114 — so a 200 proves the pinned keys were used with no network access.
/// </summary>
public sealed class PinnedKeysServiceTests : IClassFixture<PinnedKeysServiceTests.Tokens>, IDisposable
{
    private const string Issuer = "https://sandbox.cds-hooks.org";
    private const string Kid = "44823f3d-0b01-4a6c-a80e-b9d3e8a7226f";
    private const string Jku = "http://127.0.0.1:9/.well-known/jwks.json";
    private readonly Tokens _tokens;
    private readonly string _dir = Directory.CreateTempSubdirectory("tacecds-pinned-").FullName;

    public PinnedKeysServiceTests(Tokens tokens) => _tokens = tokens;

    public sealed class Tokens
    {
        internal JoseMinter.Result Minted { get; } = JoseMinter.Mint(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject { ["kid"] = Kid, ["alg"] = "ES384" }),
            ["tokens"] = new JsonArray(Enumerable.Range(0, 3).Select(_ => (JsonNode)JoseMinter.Token(Kid,
                JoseMinter.Claims(Issuer, AuthTokens.ServiceUrl, AuthTokens.Now.AddSeconds(-2), AuthTokens.Now.AddSeconds(298)),
                header: new JsonObject { ["jku"] = Jku }, alg: "ES384")).ToArray()),
        });
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private TrustServiceHost Host(params (string Key, string Value)[] client)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TaceCds:Store"] = "sqlite:" + Path.Combine(_dir, $"store-{Guid.NewGuid():N}.db"),
            ["TaceCds:PublicBaseUrl"] = AuthTokens.PublicBase,
            ["TaceCds:Auth:Enabled"] = "true",
            ["TaceCds:Auth:Clients:0:Issuer"] = Issuer,
            ["TaceCds:Auth:Clients:0:Jwks"] = _tokens.Minted.JwksWith(Kid),
            ["TaceCds:Auth:Clients:0:Algorithms"] = "ES384",
        };
        foreach (var (key, value) in client) settings["TaceCds:Auth:Clients:0:" + key] = value;
        return new TrustServiceHost(settings, new FixedClock(AuthTokens.Now));
    }

    private static async Task<HttpStatusCode> CallAsync(TrustServiceHost host, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/tace-course-review")
        {
            Content = new StringContent(SampleRequests.PatientView("p02").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await host.CreateClient().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Given_PinnedKeysOnly_when_a_sandbox_style_token_names_an_unreachable_jku_then_it_is_served()
    {
        using var host = Host(("PinnedKeysOnly", "true"));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(host, _tokens.Minted.Tokens[0]));
        Assert.DoesNotContain(host.Logs, l => l.Contains("AUTH114", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_the_jku_on_the_allowlist_and_pinned_keys_then_it_is_served_without_fetching_the_jku()
    {
        using var host = Host(("JwksUrls", Jku));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(host, _tokens.Minted.Tokens[1]));
    }

    [Fact]
    public async Task Given_pinned_keys_alone_when_the_jku_is_not_allowlisted_then_401_and_the_log_says_AUTH111()
    {
        using var host = Host();
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(host, _tokens.Minted.Tokens[2]));
        Assert.Contains(host.Logs, l => l.Contains("AUTH111", StringComparison.Ordinal));
    }

    [Fact]
    public void A_PinnedKeysOnly_that_is_not_a_boolean_refuses_start_up_naming_the_key()
    {
        using var host = Host(("PinnedKeysOnly", "yes"));
        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());
        Assert.Contains("TaceCds:Auth:Clients:0:PinnedKeysOnly", error.Message, StringComparison.Ordinal);
    }
}
