namespace TaceCds.Security;

/// <summary>Limits and trust settings of <see cref="ClientJwtVerifier"/>. Defaults follow CDS Hooks best practice.</summary>
public sealed record JwtVerifierOptions
{
    public IReadOnlyList<TrustedClient> Clients { get; init; } = [];

    /// <summary>Tolerance for clock differences between client and service on exp, nbf and iat.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Tokens longer than this are refused before any parsing (a JWT here is well under 2 KB).</summary>
    public int MaxTokenLength { get; init; } = 8 * 1024;

    /// <summary>
    /// Longest accepted exp − iat. Best practice says "no more than an hour"; it also bounds how long a jti
    /// must stay in the replay cache. Null disables the check (only for fixtures such as the spec's example).
    /// </summary>
    public TimeSpan? MaxLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Cached JWK Sets are re-fetched after this long.</summary>
    public TimeSpan JwksCacheDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>An unknown kid triggers a re-fetch at most this often per URL (so junk tokens cannot flood the client).</summary>
    public TimeSpan JwksMinRefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Keys beyond this count in one JWK Set are ignored.</summary>
    public int MaxKeysPerSet { get; init; } = 32;
}
