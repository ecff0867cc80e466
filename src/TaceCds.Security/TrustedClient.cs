namespace TaceCds.Security;

/// <summary>
/// One CDS client allowed to call us (CDS Hooks 2.0.1 §Trusting CDS Clients: "an allowlist of iss and jku urls").
/// Its public keys come from JWK Set URLs on this allowlist (the token's <c>jku</c> must be one of them), or
/// from an inline JWK Set exchanged out of band.
/// </summary>
public sealed record TrustedClient
{
    /// <summary>The exact <c>iss</c> value (compared ordinally; a trailing slash matters).</summary>
    public required string Issuer { get; init; }

    /// <summary>JWK Set URLs we may fetch for this issuer. The first one is used when the token has no <c>jku</c>.</summary>
    public IReadOnlyList<Uri> JwksUrls { get; init; } = [];

    /// <summary>
    /// An inline JWK Set (JSON text) exchanged out of band: the client's pinned keys. When set, tokens are verified
    /// against it and nothing is fetched — with no <c>jku</c>, with a <c>jku</c> on <see cref="JwksUrls"/>, or with any
    /// <c>jku</c> when <see cref="PinnedKeysOnly"/> is set (EHRs such as the CDS Hooks sandbox always send one).
    /// </summary>
    public string? InlineJwks { get; init; }

    /// <summary>
    /// Only the pinned <see cref="InlineJwks"/> is ever used: the token's <c>jku</c> is neither checked against the
    /// allowlist nor fetched. Requires <see cref="InlineJwks"/>.
    /// </summary>
    public bool PinnedKeysOnly { get; init; }

    /// <summary>When set, the token's <c>tenant</c> claim must equal it.</summary>
    public string? Tenant { get; init; }

    /// <summary>
    /// The JWS algorithms this client signs with (e.g. <c>ES384</c>); a token with another <c>alg</c> is refused
    /// (AUTH102) before any key is looked up or fetched. Empty: every algorithm the verifier supports. Each entry must be
    /// one of <see cref="ClientJwtVerifier.SupportedAlgorithms"/>.
    /// </summary>
    public IReadOnlyList<string> Algorithms { get; init; } = [];
}
