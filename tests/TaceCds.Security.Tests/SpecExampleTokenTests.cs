using System.Text.Json.Nodes;

namespace TaceCds.Security.Tests;

/// <summary>
/// The example JWT and P-384 key pair printed in CDS Hooks 2.0.1 §Security and Safety (spec text in
/// shared/knowledge/spec/cds-hooks-2.0.1.md): expired today, valid with the clock set inside its lifetime.
/// </summary>
public sealed class SpecExampleTokenTests
{
    private const string Token =
        "eyJhbGciOiJFUzM4NCIsInR5cCI6IkpXVCIsImtpZCI6ImV4YW1wbGUta2lkIiwiamt1IjoiaHR0cHM6Ly9maGlyLWVoci5leGFtcGxlLmNvbS9qd2tfdXJpIn0" +
        ".eyJpc3MiOiJodHRwczovL2ZoaXItZWhyLmV4YW1wbGUuY29tLyIsImF1ZCI6Imh0dHBzOi8vY2RzLmV4YW1wbGUub3JnL2Nkcy1zZXJ2aWNlcy9zb21lLXNlcnZpY2UiLCJleHAiOjE0MjI1Njg4NjAsImlhdCI6MTMxMTI4MDk3MCwianRpIjoiZWUyMmIwMjEtZTFiNy00NjExLWJhNWItOGVlYzZhMzNhYzFlIiwidGVuYW50IjoiMmRkZDZjM2EtOGU5YS00NGM2LWEzMDUtNTIxMTFhZDMwMmEyIn0" +
        ".d1WfLjGRKlcWB94l9do4cM8REXeYJLL6SGUBO8VHZhfM8mwKYP70EMxJ67War4TQblEpaQrp11wx5p7oPFm2ETYgCicS84vXWEIYTdjooZdooCSDf2L8-i4awdoUwiEb";

    private const string PublicJwks = """
        {"keys":[{"kty":"EC","use":"sig","crv":"P-384","kid":"example-kid",
          "x":"46SDH7Znh821wblCBglA61sNE9ZrHYKKt3qRtRTmSXyOI_FIGBLWrWa0GPUkDCEk",
          "y":"XMcRuuoGW7CXjQdy-F5i3FeBE0x9hPLdeFdSoDd3ELmx404tLX0VRRcqzAsPhXcI","alg":"ES384"}]}
        """;

    private const string PrivateJwk = """
        {"kty":"EC","d":"SeFXUXda8UomZ8GFUl7HH_Oi15rIbfMcsWj9ecIsDR8kLbqsEz2CGNgwy_IcILxy","use":"sig","crv":"P-384",
         "kid":"example-kid","x":"46SDH7Znh821wblCBglA61sNE9ZrHYKKt3qRtRTmSXyOI_FIGBLWrWa0GPUkDCEk",
         "y":"XMcRuuoGW7CXjQdy-F5i3FeBE0x9hPLdeFdSoDd3ELmx404tLX0VRRcqzAsPhXcI","alg":"ES384"}
        """;

    private const string Issuer = "https://fhir-ehr.example.com/";
    private const string Audience = "https://cds.example.org/cds-services/some-service";
    private static readonly Uri Jku = new("https://fhir-ehr.example.com/jwk_uri");

    private static (ClientJwtVerifier, FakeJwksFetcher) Verifier(TimeProvider time, TimeSpan? maxLifetime)
    {
        var fetcher = new FakeJwksFetcher();
        fetcher.Documents[Jku] = PublicJwks;
        var options = new JwtVerifierOptions
        {
            Clients = [new TrustedClient { Issuer = Issuer, JwksUrls = [Jku] }],
            MaxLifetime = maxLifetime,
        };
        return (new ClientJwtVerifier(options, new InMemoryJtiReplayCache(time), fetcher, time), fetcher);
    }

    [Fact]
    public async Task Is_expired_on_the_real_clock()
    {
        var (verifier, _) = Verifier(TimeProvider.System, maxLifetime: null);
        var result = await verifier.VerifyAsync(Token, Audience);
        Assert.Equal(AuthFailureCode.Expired, result.FailureCode);
    }

    [Fact]
    public async Task Verifies_with_a_clock_inside_its_lifetime()
    {
        // iat 1311280970 (2011-07-21), exp 1422568860 (2015-01-29). Its 3.5-year lifetime is far over the
        // default one-hour bound, which is therefore lifted for this fixture only.
        var (verifier, fetcher) = Verifier(new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1400000000)), maxLifetime: null);
        var result = await verifier.VerifyAsync(Token, Audience);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal("ee22b021-e1b7-4611-ba5b-8eec6a33ac1e", result.Jti);
        Assert.Equal("2ddd6c3a-8e9a-44c6-a305-52111ad302a2", result.Tenant);
        Assert.Equal("example-kid", result.Kid);
        Assert.Equal(1, fetcher.Fetches[Jku]);
    }

    [Fact]
    public async Task Default_lifetime_bound_refuses_it()
    {
        var (verifier, _) = Verifier(new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1400000000)), TimeSpan.FromHours(1));
        Assert.Equal(AuthFailureCode.LifetimeTooLong, (await verifier.VerifyAsync(Token, Audience)).FailureCode);
    }

    [Fact]
    public async Task Jose_tokens_signed_with_the_spec_private_key_verify_and_hmac_with_its_public_key_does_not()
    {
        var now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var claims = JoseMinter.Claims(Issuer, Audience, now.AddSeconds(-1), now.AddMinutes(5));
        var header = new JsonObject { ["jku"] = Jku.AbsoluteUri };
        var minted = JoseMinter.Mint(new JsonObject
        {
            ["import"] = new JsonArray(new JsonObject { ["kid"] = "example-kid", ["jwk"] = JsonNode.Parse(PrivateJwk) }),
            ["tokens"] = new JsonArray(
                JoseMinter.Token("example-kid", claims.DeepClone().AsObject(), header: header.DeepClone().AsObject()),
                JoseMinter.Token("example-kid", claims.DeepClone().AsObject(), header: header.DeepClone().AsObject(), mode: "hmac-public-key"),
                JoseMinter.Token("example-kid", claims.DeepClone().AsObject(), header: header.DeepClone().AsObject(), mode: "none")),
        });
        var (verifier, _) = Verifier(new FixedTimeProvider(now), TimeSpan.FromHours(1));
        var ok = await verifier.VerifyAsync(minted.Tokens[0], Audience);
        Assert.True(ok.Succeeded, ok.ToString());
        Assert.Equal(AuthFailureCode.AlgorithmRefused, (await verifier.VerifyAsync(minted.Tokens[1], Audience)).FailureCode);
        Assert.Equal(AuthFailureCode.AlgorithmRefused, (await verifier.VerifyAsync(minted.Tokens[2], Audience)).FailureCode);
    }
}
