namespace TaceCds.Security.Tests;

/// <summary>How the verifier uses allowlisted JWK Set URLs: caching, key rotation, refresh limits, outages.</summary>
public sealed class JwksRefreshTests(JoseTokens tokens) : IClassFixture<JoseTokens>
{
    private readonly FixedTimeProvider _time = new(JoseTokens.Now);
    private readonly FakeJwksFetcher _fetcher = new();

    private ClientJwtVerifier Verifier(TrustedClient? client = null, TimeSpan? cacheDuration = null) => new(
        new JwtVerifierOptions
        {
            Clients = [client ?? new TrustedClient { Issuer = JoseTokens.Issuer, JwksUrls = [JoseTokens.JwksUrl] }],
            JwksCacheDuration = cacheDuration ?? TimeSpan.FromMinutes(10),
            JwksMinRefreshInterval = TimeSpan.FromSeconds(30),
        },
        new InMemoryJtiReplayCache(_time), _fetcher, _time);

    [Fact]
    public async Task A_set_is_fetched_once_and_served_from_cache()
    {
        _fetcher.Documents[JoseTokens.JwksUrl] = tokens.PublishedJwks;
        var verifier = Verifier();
        Assert.True((await verifier.VerifyAsync(tokens["valid-es384"], JoseTokens.Audience)).Succeeded);
        Assert.True((await verifier.VerifyAsync(tokens["valid-rs384"], JoseTokens.Audience)).Succeeded);
        Assert.Equal(1, _fetcher.Fetches[JoseTokens.JwksUrl]);
        _time.Now += TimeSpan.FromMinutes(11);
        await verifier.VerifyAsync(tokens["valid-es256"], JoseTokens.Audience);
        Assert.Equal(2, _fetcher.Fetches[JoseTokens.JwksUrl]);
    }

    [Fact]
    public async Task An_unknown_kid_refreshes_the_set_to_find_a_rotated_key_but_not_more_often_than_the_minimum_interval()
    {
        _fetcher.Documents[JoseTokens.JwksUrl] = tokens.Minted.JwksWith("es384");
        var verifier = Verifier();
        Assert.True((await verifier.VerifyAsync(tokens["valid-es384"], JoseTokens.Audience)).Succeeded);
        _fetcher.Documents[JoseTokens.JwksUrl] = tokens.Minted.JwksWith("es384", "rs384");

        // Within the minimum interval the unknown kid does not reach the network.
        Assert.Equal(AuthFailureCode.UnknownKid, (await verifier.VerifyAsync(tokens["valid-rs384"], JoseTokens.Audience)).FailureCode);
        Assert.Equal(1, _fetcher.Fetches[JoseTokens.JwksUrl]);

        _time.Now += TimeSpan.FromSeconds(31);
        Assert.True((await verifier.VerifyAsync(tokens["valid-rs384"], JoseTokens.Audience)).Succeeded);
        Assert.Equal(2, _fetcher.Fetches[JoseTokens.JwksUrl]);
    }

    [Fact]
    public async Task An_unreachable_set_is_a_stable_code_and_a_stale_set_keeps_serving()
    {
        var verifier = Verifier(cacheDuration: TimeSpan.FromMinutes(1));
        Assert.Equal(AuthFailureCode.JwksUnavailable, (await verifier.VerifyAsync(tokens["valid-es384"], JoseTokens.Audience)).FailureCode);

        _fetcher.Documents[JoseTokens.JwksUrl] = tokens.PublishedJwks;
        _time.Now += TimeSpan.FromSeconds(31);
        Assert.True((await verifier.VerifyAsync(tokens["valid-es384"], JoseTokens.Audience)).Succeeded);
        _fetcher.Documents.Clear();
        _time.Now += TimeSpan.FromMinutes(2); // past the cache duration, inside the tokens' lifetime
        var fetchesBefore = _fetcher.Fetches[JoseTokens.JwksUrl];
        Assert.True((await verifier.VerifyAsync(tokens["valid-rs384"], JoseTokens.Audience)).Succeeded);
        Assert.Equal(fetchesBefore + 1, _fetcher.Fetches[JoseTokens.JwksUrl]);
    }

    [Fact]
    public async Task A_jku_off_the_allowlist_is_never_fetched()
    {
        _fetcher.Documents[JoseTokens.JwksUrl] = tokens.PublishedJwks;
        var result = await Verifier().VerifyAsync(tokens["jku-not-allowed"], JoseTokens.Audience);
        Assert.Equal(AuthFailureCode.JkuNotAllowed, result.FailureCode);
        Assert.False(_fetcher.Fetches.ContainsKey(JoseTokens.OtherJwksUrl));
    }

    [Fact]
    public async Task An_inline_set_needs_no_network()
    {
        var verifier = Verifier(new TrustedClient { Issuer = JoseTokens.Issuer, InlineJwks = tokens.PublishedJwks });
        Assert.True((await verifier.VerifyAsync(tokens["valid-ps384"], JoseTokens.Audience)).Succeeded);
        Assert.Empty(_fetcher.Fetches);
        // A token naming a jku still has to find it on the (here empty) URL allowlist.
        Assert.Equal(AuthFailureCode.JkuNotAllowed, (await verifier.VerifyAsync(tokens["valid-jku"], JoseTokens.Audience)).FailureCode);
    }

    [Fact]
    public void Configuration_errors_are_refused_at_start()
    {
        Assert.Throws<ArgumentException>(() => Verifier(new TrustedClient { Issuer = JoseTokens.Issuer }));
        Assert.Throws<ArgumentException>(() => Verifier(new TrustedClient { Issuer = JoseTokens.Issuer, InlineJwks = "{\"nokeys\":1}" }));
        Assert.Throws<ArgumentException>(() => Verifier(new TrustedClient { Issuer = JoseTokens.Issuer, JwksUrls = [new Uri("file:///etc/passwd")] }));
    }
}
