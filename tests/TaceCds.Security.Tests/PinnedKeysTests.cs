using System.Text.Json.Nodes;

namespace TaceCds.Security.Tests;

/// <summary>
/// Tokens minted as the CDS Hooks sandbox mints them (ES384; header <c>typ</c> JWT, <c>kid</c> and <c>jku</c> =
/// its JWK Set URL; claims iss, aud, exp = iat + 300 s, iat, jti), minted by jose in one node run.
/// </summary>
public sealed class SandboxStyleTokens
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public const string Issuer = "https://sandbox.cds-hooks.org";
    public const string Audience = "https://cds.example.org/cds-services/tace-course-review";
    public const string SandboxKid = "44823f3d-0b01-4a6c-a80e-b9d3e8a7226f";
    public static readonly Uri SandboxJku = new("https://sandbox.cds-hooks.org/.well-known/jwks.json");
    public static readonly Uri OtherJku = new("https://attacker.example.net/jwks.json");

    private readonly Dictionary<string, string> _tokens = [];
    internal JoseMinter.Result Minted { get; }

    public SandboxStyleTokens()
    {
        var keys = new JsonArray(
            new JsonObject { ["kid"] = SandboxKid, ["alg"] = "ES384" },
            new JsonObject { ["kid"] = "rogue", ["alg"] = "ES384" });
        var requests = new (string Name, JsonObject Request)[]
        {
            ("sandbox", Token(SandboxKid, SandboxJku)),
            ("sandbox-second-call", Token(SandboxKid, SandboxJku)),
            ("sandbox-other-jku", Token(SandboxKid, OtherJku)),
            ("rogue-other-jku", Token("rogue", OtherJku)),
            ("rogue-sandbox-jku", Token("rogue", SandboxJku)),
        };
        Minted = JoseMinter.Mint(new JsonObject { ["keys"] = keys, ["tokens"] = new JsonArray(requests.Select(r => (JsonNode)r.Request).ToArray()) });
        for (var i = 0; i < requests.Length; i++) _tokens[requests[i].Name] = Minted.Tokens[i];
    }

    public string this[string name] => _tokens[name];

    /// <summary>The keys the site pinned out of band: the sandbox key only ("rogue" is the attacker's).</summary>
    public string PinnedJwks => Minted.JwksWith(SandboxKid);

    private static JsonObject Token(string kid, Uri jku) => JoseMinter.Token(kid,
        JoseMinter.Claims(Issuer, Audience, Now.AddSeconds(-2), Now.AddSeconds(298)),
        header: new JsonObject { ["jku"] = jku.AbsoluteUri }, alg: "ES384");
}

/// <summary>
/// Issue 18 point 4: a client whose keys are pinned (inline <c>Jwks</c>) is verified against them even though its
/// tokens carry <c>jku</c> — when that <c>jku</c> is allowlisted, or for any <c>jku</c> with <c>PinnedKeysOnly</c> — and
/// no key set is ever fetched then (the fetcher fails the test if called).
/// </summary>
public sealed class PinnedKeysTests(SandboxStyleTokens tokens) : IClassFixture<SandboxStyleTokens>
{
    /// <summary>No network: any fetch is a test failure.</summary>
    private sealed class FailingFetcher : IJwksFetcher
    {
        public Task<string> FetchAsync(Uri url, CancellationToken cancellationToken) =>
            throw new Xunit.Sdk.XunitException($"the verifier fetched {url} although the client's keys are pinned");
    }

    private ClientJwtVerifier Verifier(TrustedClient client)
    {
        var time = new FixedTimeProvider(SandboxStyleTokens.Now);
        return new ClientJwtVerifier(new JwtVerifierOptions { Clients = [client] }, new InMemoryJtiReplayCache(time), new FailingFetcher(), time);
    }

    private TrustedClient Pinned(bool pinnedOnly = false, params Uri[] urls) => new()
    {
        Issuer = SandboxStyleTokens.Issuer, InlineJwks = tokens.PinnedJwks, JwksUrls = urls, PinnedKeysOnly = pinnedOnly, Algorithms = ["ES384"],
    };

    [Fact]
    public async Task Given_the_sandbox_jku_on_the_allowlist_and_pinned_keys_when_a_sandbox_token_comes_then_it_passes_without_fetching()
    {
        var verifier = Verifier(Pinned(urls: SandboxStyleTokens.SandboxJku));
        var result = await verifier.VerifyAsync(tokens["sandbox"], SandboxStyleTokens.Audience);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(SandboxStyleTokens.Issuer, result.Issuer);
        Assert.Equal(SandboxStyleTokens.SandboxKid, result.Kid);
        Assert.Equal("ES384", result.Algorithm);
        Assert.True((await verifier.VerifyAsync(tokens["sandbox-second-call"], SandboxStyleTokens.Audience)).Succeeded);
    }

    [Fact]
    public async Task Given_PinnedKeysOnly_and_no_url_when_a_sandbox_token_names_its_jku_then_it_passes_without_fetching()
    {
        var result = await Verifier(Pinned(pinnedOnly: true)).VerifyAsync(tokens["sandbox"], SandboxStyleTokens.Audience);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(SandboxStyleTokens.SandboxKid, result.Kid);
    }

    [Fact]
    public async Task Given_PinnedKeysOnly_when_the_jku_is_any_other_url_then_the_pinned_key_still_decides_and_nothing_is_fetched()
    {
        var verifier = Verifier(Pinned(pinnedOnly: true));
        Assert.True((await verifier.VerifyAsync(tokens["sandbox-other-jku"], SandboxStyleTokens.Audience)).Succeeded);
        // An attacker's key behind an attacker's jku is not a pinned key: unknown kid, and their URL is never read.
        var rogue = await verifier.VerifyAsync(tokens["rogue-other-jku"], SandboxStyleTokens.Audience);
        Assert.Equal(AuthFailureCode.UnknownKid, rogue.FailureCode);
    }

    [Fact]
    public async Task Given_pinned_keys_and_an_allowlisted_jku_when_the_kid_is_not_pinned_then_AUTH112_and_the_url_is_not_fetched()
    {
        var result = await Verifier(Pinned(urls: SandboxStyleTokens.SandboxJku)).VerifyAsync(tokens["rogue-sandbox-jku"], SandboxStyleTokens.Audience);
        Assert.Equal(AuthFailureCode.UnknownKid, result.FailureCode);
    }

    [Fact]
    public async Task Given_pinned_keys_without_PinnedKeysOnly_when_the_jku_is_not_allowlisted_then_AUTH111_as_before()
    {
        var result = await Verifier(Pinned(urls: SandboxStyleTokens.SandboxJku)).VerifyAsync(tokens["sandbox-other-jku"], SandboxStyleTokens.Audience);
        Assert.Equal(AuthFailureCode.JkuNotAllowed, result.FailureCode);
        var noUrls = await Verifier(Pinned()).VerifyAsync(tokens["sandbox"], SandboxStyleTokens.Audience);
        Assert.Equal(AuthFailureCode.JkuNotAllowed, noUrls.FailureCode);
    }

    [Fact]
    public void PinnedKeysOnly_without_pinned_keys_is_refused_at_start()
    {
        var error = Assert.Throws<ArgumentException>(() => Verifier(new TrustedClient
        {
            Issuer = SandboxStyleTokens.Issuer, JwksUrls = [SandboxStyleTokens.SandboxJku], PinnedKeysOnly = true,
        }));
        Assert.Contains("PinnedKeysOnly", error.Message, StringComparison.Ordinal);
    }
}
