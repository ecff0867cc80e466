using System.Text;
using System.Text.Json.Nodes;

namespace TaceCds.Security.Tests;

/// <summary>The verifier against tokens minted by jose: each accepted case and each refusal with its code.</summary>
public sealed class ClientJwtVerifierTests(JoseTokens tokens) : IClassFixture<JoseTokens>
{
    private ClientJwtVerifier Verifier(string? tenant = null, IJtiReplayCache? replay = null, FakeJwksFetcher? fetcher = null, string[]? algorithms = null)
    {
        var time = new FixedTimeProvider(JoseTokens.Now);
        fetcher ??= new FakeJwksFetcher();
        fetcher.Documents[JoseTokens.JwksUrl] = tokens.PublishedJwks;
        fetcher.Documents[JoseTokens.OtherJwksUrl] = tokens.Minted.JwksWith("es384", "rogue");
        var options = new JwtVerifierOptions
        {
            Clients = [new TrustedClient { Issuer = JoseTokens.Issuer, JwksUrls = [JoseTokens.JwksUrl], Tenant = tenant, Algorithms = algorithms ?? [] }],
        };
        return new ClientJwtVerifier(options, replay ?? new InMemoryJtiReplayCache(time), fetcher, time);
    }

    [Theory]
    [InlineData("valid-es384", "ES384", "es384")]
    [InlineData("valid-rs384", "RS384", "rs384")]
    [InlineData("valid-es256", "ES256", "es256")]
    [InlineData("valid-es512", "ES512", "es512")]
    [InlineData("valid-rs256", "RS256", "rs256")]
    [InlineData("valid-ps384", "PS384", "ps384")]
    [InlineData("valid-jku", "ES384", "es384")]
    [InlineData("valid-aud-array", "ES384", "es384")]
    [InlineData("valid-skewed", "ES384", "es384")]
    public async Task Accepts_a_valid_token(string name, string alg, string kid)
    {
        var result = await Verifier().VerifyAsync(tokens[name], JoseTokens.Audience);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(JoseTokens.Issuer, result.Issuer);
        Assert.Equal(alg, result.Algorithm);
        Assert.Equal(kid, result.Kid);
        Assert.Matches("^[0-9a-f-]{36}$", result.Jti);
        Assert.Null(result.Tenant);
    }

    [Theory]
    [InlineData("expired", AuthFailureCode.Expired)]
    [InlineData("not-yet-valid", AuthFailureCode.NotYetValid)]
    [InlineData("iat-future", AuthFailureCode.NotYetValid)]
    [InlineData("too-long-lived", AuthFailureCode.LifetimeTooLong)]
    [InlineData("wrong-aud", AuthFailureCode.WrongAudience)]
    [InlineData("aud-base-only", AuthFailureCode.WrongAudience)]
    [InlineData("unknown-iss", AuthFailureCode.UnknownIssuer)]
    [InlineData("jku-not-allowed", AuthFailureCode.JkuNotAllowed)]
    [InlineData("unknown-kid", AuthFailureCode.UnknownKid)]
    [InlineData("alg-none", AuthFailureCode.AlgorithmRefused)]
    [InlineData("hs256-public-key", AuthFailureCode.AlgorithmRefused)]
    [InlineData("hs256-public-key-rsa", AuthFailureCode.AlgorithmRefused)]
    [InlineData("no-kid", AuthFailureCode.MissingKid)]
    [InlineData("no-typ", AuthFailureCode.WrongType)]
    [InlineData("typ-at-jwt", AuthFailureCode.WrongType)]
    [InlineData("crit", AuthFailureCode.CriticalHeader)]
    [InlineData("no-jti", AuthFailureCode.MissingClaim)]
    [InlineData("no-exp", AuthFailureCode.MissingClaim)]
    [InlineData("no-aud", AuthFailureCode.MissingClaim)]
    [InlineData("oversized", AuthFailureCode.TooLarge)]
    public async Task Refuses_with_a_stable_code(string name, string code)
    {
        var token = tokens[name];
        var result = await Verifier().VerifyAsync(token, JoseTokens.Audience);
        Assert.False(result.Succeeded);
        Assert.Equal(code, result.FailureCode);
        AssertNoTokenIn(result, token);
    }

    [Theory]
    [InlineData("valid-rs384", "ES384")]
    [InlineData("valid-rs256", "ES384")]
    [InlineData("valid-ps384", "RS384")] // same RSA key family, other padding: still not on the list
    [InlineData("valid-es256", "ES384;ES512")]
    [InlineData("valid-es384", "RS256;PS256")]
    public async Task A_valid_token_whose_alg_is_not_on_the_clients_allowlist_is_refused_AUTH102_before_any_key_fetch(string name, string allowed)
    {
        var fetcher = new FakeJwksFetcher();
        var result = await Verifier(fetcher: fetcher, algorithms: allowed.Split(';')).VerifyAsync(tokens[name], JoseTokens.Audience);
        Assert.Equal(AuthFailureCode.AlgorithmRefused, result.FailureCode);
        Assert.Empty(fetcher.Fetches);
        AssertNoTokenIn(result, tokens[name]);
    }

    [Theory]
    [InlineData("valid-es384", "ES384")]
    [InlineData("valid-rs384", "ES384;RS384")]
    public async Task A_token_whose_alg_is_on_the_clients_allowlist_is_accepted(string name, string allowed)
    {
        var result = await Verifier(algorithms: allowed.Split(';')).VerifyAsync(tokens[name], JoseTokens.Audience);
        Assert.True(result.Succeeded, result.ToString());
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("none")]
    [InlineData("es384")] // case-sensitive (RFC 7515 §4.1.1)
    public void An_allowlist_naming_an_algorithm_the_verifier_does_not_support_is_a_configuration_error(string alg)
    {
        var options = new JwtVerifierOptions
        {
            Clients = [new TrustedClient { Issuer = JoseTokens.Issuer, JwksUrls = [JoseTokens.JwksUrl], Algorithms = [alg] }],
        };
        var error = Assert.Throws<ArgumentException>(() => new ClientJwtVerifier(options, new InMemoryJtiReplayCache(new FixedTimeProvider(JoseTokens.Now)), new FakeJwksFetcher()));
        Assert.Contains($"'{alg}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenant_bound_client_accepts_only_its_tenant()
    {
        Assert.True((await Verifier("hospital-a").VerifyAsync(tokens["valid-tenant"], JoseTokens.Audience)).Succeeded);
        Assert.Equal("hospital-a", (await Verifier().VerifyAsync(tokens["valid-tenant"], JoseTokens.Audience)).Tenant);
        Assert.Equal(AuthFailureCode.WrongTenant, (await Verifier("hospital-a").VerifyAsync(tokens["wrong-tenant"], JoseTokens.Audience)).FailureCode);
        Assert.Equal(AuthFailureCode.WrongTenant, (await Verifier("hospital-a").VerifyAsync(tokens["valid-es384"], JoseTokens.Audience)).FailureCode);
    }

    [Fact]
    public async Task A_replayed_jti_is_refused_the_second_time()
    {
        var verifier = Verifier();
        var first = await verifier.VerifyAsync(tokens["valid-rs384"], JoseTokens.Audience);
        var second = await verifier.VerifyAsync(tokens["valid-rs384"], JoseTokens.Audience);
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(AuthFailureCode.Replayed, second.FailureCode);
    }

    [Fact]
    public async Task A_failed_token_does_not_burn_its_jti()
    {
        var verifier = Verifier();
        Assert.Equal(AuthFailureCode.WrongAudience, (await verifier.VerifyAsync(tokens["valid-es384"], "https://elsewhere/")).FailureCode);
        Assert.True((await verifier.VerifyAsync(tokens["valid-es384"], JoseTokens.Audience)).Succeeded);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("header")]
    [InlineData("signature")]
    public async Task A_tampered_token_fails_the_signature(string part)
    {
        var parts = tokens["valid-es384"].Split('.');
        switch (part)
        {
            case "payload":
                var claims = JsonNode.Parse(Encoding.UTF8.GetString(Decode(parts[1])))!;
                claims["aud"] = "https://cds.example.org/cds-services/other";
                parts[1] = Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
                break;
            case "header":
                var header = JsonNode.Parse(Encoding.UTF8.GetString(Decode(parts[0])))!;
                header["x"] = 1;
                parts[0] = Encode(Encoding.UTF8.GetBytes(header.ToJsonString()));
                break;
            default:
                var sig = Decode(parts[2]);
                sig[10] ^= 0x01;
                parts[2] = Encode(sig);
                break;
        }
        var result = await Verifier().VerifyAsync(string.Join('.', parts), "https://cds.example.org/cds-services/other");
        Assert.Equal(AuthFailureCode.BadSignature, result.FailureCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.e30.")]
    [InlineData("W10.e30.")]  // header is a JSON array
    [InlineData("e30.bm90anNvbg.")] // payload is not JSON
    public async Task Garbage_is_malformed_not_a_crash(string token)
    {
        var result = await Verifier().VerifyAsync(token, JoseTokens.Audience);
        Assert.Equal(token.Length == 0 ? AuthFailureCode.MissingBearer : AuthFailureCode.Malformed, result.FailureCode);
    }

    [Fact]
    public async Task Key_whose_declared_alg_differs_is_refused()
    {
        // The published ps384 key re-declared as RS384: a PS384 token must not verify with it.
        var jwks = JsonNode.Parse(tokens.PublishedJwks)!;
        foreach (var key in jwks["keys"]!.AsArray()) if ((string?)key!["kid"] == "ps384") key["alg"] = "RS384";
        var fetcher = new FakeJwksFetcher();
        var verifier = Verifier(fetcher: fetcher);
        fetcher.Documents[JoseTokens.JwksUrl] = jwks.ToJsonString();
        var result = await verifier.VerifyAsync(tokens["valid-ps384"], JoseTokens.Audience);
        Assert.Equal(AuthFailureCode.KeyMismatch, result.FailureCode);
    }

    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer   abc  ", "abc")]
    [InlineData("Basic dXNlcjpwdw==", null)]
    [InlineData("Bearer ", null)]
    [InlineData(null, null)]
    public void Bearer_token_is_taken_from_the_header(string? header, string? expected) =>
        Assert.Equal(expected, ClientJwtVerifier.BearerToken(header));

    internal static void AssertNoTokenIn(JwtVerificationResult result, string token)
    {
        var text = result.ToString();
        Assert.DoesNotContain(token, text);
        foreach (var part in token.Split('.').Where(p => p.Length > 8)) Assert.DoesNotContain(part, text);
    }

    private static byte[] Decode(string s) =>
        Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/') + new string('=', (4 - s.Length % 4) % 4));

    private static string Encode(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
