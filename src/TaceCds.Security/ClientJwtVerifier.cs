using System.Text.Json;

namespace TaceCds.Security;

/// <summary>
/// Verifies the JWT a CDS client presents as <c>Authorization: Bearer</c> (CDS Hooks 2.0.1 §Trusting CDS Clients):
/// asymmetric signature by a key of an allowlisted issuer, <c>aud</c> = the invoked URL, exp/iat/nbf against an
/// injected clock, <c>jti</c> not seen before. Returns a result with a stable code; never throws on bad tokens and
/// never includes the token in what it returns.
/// </summary>
public sealed class ClientJwtVerifier
{
    private readonly JwtVerifierOptions _options;
    private readonly TimeProvider _time;
    private readonly IJtiReplayCache _replay;
    private readonly JwksCache _jwks;
    private readonly Dictionary<string, TrustedClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonWebKeySet> _inline = new(StringComparer.Ordinal);

    public ClientJwtVerifier(JwtVerifierOptions options, IJtiReplayCache replayCache, IJwksFetcher? fetcher = null, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        _replay = replayCache;
        _jwks = new JwksCache(fetcher ?? new HttpJwksFetcher(), options, _time);
        foreach (var client in options.Clients)
        {
            if (string.IsNullOrWhiteSpace(client.Issuer)) throw new ArgumentException("a trusted client has no issuer");
            if (!_clients.TryAdd(client.Issuer, client)) throw new ArgumentException($"trusted client {client.Issuer} listed twice");
            foreach (var url in client.JwksUrls)
                if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
                    throw new ArgumentException($"JWKS URL of {client.Issuer} must be an absolute http(s) URL");
            if (client.InlineJwks is not null)
                _inline[client.Issuer] = JsonWebKeySet.TryParse(client.InlineJwks, options.MaxKeysPerSet)
                    ?? throw new ArgumentException($"inline JWKS of {client.Issuer} is not a JWK Set");
            foreach (var alg in client.Algorithms)
                if (JwsAlgorithm.Find(alg) is null)
                    throw new ArgumentException($"algorithm '{alg}' of {client.Issuer} is not one of {string.Join(", ", JwsAlgorithm.Names)}");
            if (client.InlineJwks is null && client.JwksUrls.Count == 0)
                throw new ArgumentException($"trusted client {client.Issuer} has neither JWKS URLs nor an inline JWKS");
            if (client.PinnedKeysOnly && client.InlineJwks is null)
                throw new ArgumentException($"trusted client {client.Issuer} sets PinnedKeysOnly but pins no keys (inline JWKS)");
        }
    }

    /// <summary>The <c>alg</c> values verified (case-sensitive): ES256/384/512, RS256/384/512, PS256/384/512.</summary>
    public static IReadOnlyList<string> SupportedAlgorithms { get; } = [.. JwsAlgorithm.Names];

    /// <summary>The token from an Authorization header value, or null when it is not "Bearer &lt;token&gt;".</summary>
    public static string? BearerToken(string? authorizationHeader)
    {
        if (authorizationHeader is null) return null;
        var value = authorizationHeader.Trim();
        const string scheme = "Bearer ";
        if (value.Length <= scheme.Length || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var token = value[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <param name="token">The compact JWS from the Authorization header.</param>
    /// <param name="audience">The absolute URL that was invoked (public base URL + path), compared exactly.</param>
    public Task<JwtVerificationResult> VerifyAsync(string? token, string audience, CancellationToken cancellationToken = default) =>
        VerifyAsync(token, [audience], cancellationToken);

    /// <param name="token">The compact JWS from the Authorization header.</param>
    /// <param name="audiences">
    /// The absolute URLs the invoked endpoint is known by (one per configured base URL, e.g. 127.0.0.1 and localhost on a
    /// loopback listener), each compared exactly; <c>aud</c> must contain one of them. Empty: every token is refused.
    /// </param>
    public async Task<JwtVerificationResult> VerifyAsync(string? token, IReadOnlyList<string> audiences, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token)) return Fail(AuthFailureCode.MissingBearer, "no bearer token");
        if (token.Length > _options.MaxTokenLength)
            return Fail(AuthFailureCode.TooLarge, $"token of {token.Length} chars exceeds {_options.MaxTokenLength}");
        if (!CompactJws.TryParse(token, out var jws, out var malformed)) return Fail(AuthFailureCode.Malformed, malformed);
        var header = jws!.Header;
        var claims = jws.Payload;

        if (Text(header, "alg") is not { } algName) return Fail(AuthFailureCode.Malformed, "header has no string alg");
        if (JwsAlgorithm.Find(algName) is not { } alg)
            return Fail(AuthFailureCode.AlgorithmRefused, $"alg {Printable(algName)} refused (only asymmetric ES/RS/PS)");
        if (!string.Equals(Text(header, "typ"), "JWT", StringComparison.OrdinalIgnoreCase))
            return Fail(AuthFailureCode.WrongType, "typ is not JWT");
        if (Text(header, "kid") is not { Length: > 0 } kid) return Fail(AuthFailureCode.MissingKid, "header has no kid");
        if (header.TryGetProperty("crit", out _)) return Fail(AuthFailureCode.CriticalHeader, "crit header not supported");

        if (Text(claims, "iss") is not { Length: > 0 } iss) return Fail(AuthFailureCode.MissingClaim, "no iss");
        if (!_clients.TryGetValue(iss, out var client)) return Fail(AuthFailureCode.UnknownIssuer, $"iss {Printable(iss)} not trusted");
        // Before the key lookup: a client that signs with ES384 never has an RS256 token tried against any key of its set.
        if (client.Algorithms.Count > 0 && !client.Algorithms.Contains(alg.Name, StringComparer.Ordinal))
            return Fail(AuthFailureCode.AlgorithmRefused, $"alg {alg.Name} not on the allowlist of {iss}");

        var (key, keyError) = await FindKeyAsync(client, header, kid, cancellationToken);
        if (keyError is not null) return keyError;
        if (key is null) return Fail(AuthFailureCode.UnknownKid, $"kid {Printable(kid)} not in the key set of {iss}");
        if (key.Unsuitability(alg) is { } unsuitable) return Fail(AuthFailureCode.KeyMismatch, unsuitable);
        if (!key.Verify(alg, jws.SigningInput, jws.Signature)) return Fail(AuthFailureCode.BadSignature, $"signature does not verify (kid {Printable(kid)})");

        // Claims are trusted from here on: the signature covers them.
        if (!claims.TryGetProperty("aud", out var aud)) return Fail(AuthFailureCode.MissingClaim, "no aud");
        if (!audiences.Any(audience => AudienceMatches(aud, audience))) return Fail(AuthFailureCode.WrongAudience, "aud is not the invoked URL");
        if (Time(claims, "exp") is not { } exp) return Fail(AuthFailureCode.MissingClaim, "no numeric exp");
        if (Time(claims, "iat") is not { } iat) return Fail(AuthFailureCode.MissingClaim, "no numeric iat");
        if (Text(claims, "jti") is not { Length: > 0 } jti) return Fail(AuthFailureCode.MissingClaim, "no jti");
        var now = _time.GetUtcNow();
        var skew = _options.ClockSkew;
        if (now - skew >= exp) return Fail(AuthFailureCode.Expired, $"expired at {exp:O}");
        if (iat > now + skew) return Fail(AuthFailureCode.NotYetValid, $"iat {iat:O} in the future");
        if (claims.TryGetProperty("nbf", out _))
        {
            if (Time(claims, "nbf") is not { } nbf) return Fail(AuthFailureCode.Malformed, "nbf is not a number");
            if (nbf > now + skew) return Fail(AuthFailureCode.NotYetValid, $"not before {nbf:O}");
        }
        if (_options.MaxLifetime is { } max && exp - iat > max)
            return Fail(AuthFailureCode.LifetimeTooLong, $"lifetime {(exp - iat).TotalSeconds:0}s exceeds {max.TotalSeconds:0}s");
        string? tenant = null;
        if (claims.TryGetProperty("tenant", out var tenantElement))
        {
            if (tenantElement.ValueKind != JsonValueKind.String) return Fail(AuthFailureCode.Malformed, "tenant is not a string");
            tenant = tenantElement.GetString();
        }
        if (client.Tenant is not null && tenant != client.Tenant) return Fail(AuthFailureCode.WrongTenant, "tenant not allowed for this issuer");

        if (!await _replay.TryRememberAsync(iss, jti, exp + skew, cancellationToken))
            return Fail(AuthFailureCode.Replayed, $"jti {Printable(jti)} of {iss} already used");
        return JwtVerificationResult.Success(iss, tenant, jti, kid, alg.Name);
    }

    /// <summary>
    /// The key for <paramref name="kid"/>. Pinned keys (an inline set) win over any URL: they are used when the token
    /// has no <c>jku</c>, when its <c>jku</c> is allowlisted, or for any <c>jku</c> when the client is
    /// <see cref="TrustedClient.PinnedKeysOnly"/> — and then nothing is fetched. A <c>jku</c> off the allowlist of a
    /// client that is not pinned-only is refused before any network access.
    /// </summary>
    private async Task<(PublicJsonWebKey?, JwtVerificationResult?)> FindKeyAsync(
        TrustedClient client, JsonElement header, string kid, CancellationToken ct)
    {
        var pinned = _inline.GetValueOrDefault(client.Issuer);
        Uri? url;
        if (header.TryGetProperty("jku", out var jkuElement))
        {
            if (jkuElement.ValueKind != JsonValueKind.String || !Uri.TryCreate(jkuElement.GetString(), UriKind.Absolute, out var jku))
                return (null, Fail(AuthFailureCode.Malformed, "jku is not an absolute URL"));
            if (pinned is not null && client.PinnedKeysOnly) return (pinned.Find(kid), null);
            // Fetch only from the allowlist: a jku elsewhere is refused before any network access.
            if (!client.JwksUrls.Any(allowed => allowed.AbsoluteUri == jku.AbsoluteUri))
                return (null, Fail(AuthFailureCode.JkuNotAllowed, $"jku {Printable(jku.AbsoluteUri)} not allowlisted for {client.Issuer}"));
            if (pinned is not null) return (pinned.Find(kid), null);
            url = jku;
        }
        else if (pinned is not null)
        {
            return (pinned.Find(kid), null);
        }
        else
        {
            url = client.JwksUrls[0];
        }
        var (key, error) = await _jwks.FindAsync(url, kid, ct);
        return error is null ? (key, null) : (null, Fail(AuthFailureCode.JwksUnavailable, error));
    }

    private static bool AudienceMatches(JsonElement aud, string audience) => aud.ValueKind switch
    {
        JsonValueKind.String => aud.GetString() == audience,
        JsonValueKind.Array => aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == audience),
        _ => false,
    };

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A NumericDate (RFC 7519 §2): seconds since the epoch, possibly fractional; clamped to the representable range.</summary>
    private static DateTimeOffset? Time(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var seconds)) return null;
        if (double.IsNaN(seconds)) return null;
        const double max = 253402300799; // 9999-12-31T23:59:59Z
        const double min = -62135596800; // 0001-01-01T00:00:00Z
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(Math.Clamp(seconds, min, max) * 1000));
    }

    /// <summary>Claims quoted in reasons are attacker-chosen: keep them short and printable for the log.</summary>
    private static string Printable(string value)
    {
        var cut = value.Length > 80 ? value[..80] + "…" : value;
        return new string(cut.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }

    private static JwtVerificationResult Fail(string code, string reason) => JwtVerificationResult.Failure(code, reason);
}
