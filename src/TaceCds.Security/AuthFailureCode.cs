namespace TaceCds.Security;

/// <summary>
/// Stable codes for why a client JWT was refused. They go to the log (never the token, never to the client:
/// the HTTP answer is a bare 401, as CDS Hooks best practice asks).
/// </summary>
public static class AuthFailureCode
{
    /// <summary>No <c>Authorization: Bearer</c> header, or an empty one.</summary>
    public const string MissingBearer = "AUTH100";
    /// <summary>Not a compact JWS: part count, base64url, JSON, or a header/claim of the wrong type.</summary>
    public const string Malformed = "AUTH101";
    /// <summary><c>alg</c> is <c>none</c>, symmetric (HS*), or not one we verify (CDS Hooks 2.0.1 §Security).</summary>
    public const string AlgorithmRefused = "AUTH102";
    /// <summary>The token is larger than the configured bound.</summary>
    public const string TooLarge = "AUTH103";
    /// <summary><c>typ</c> is present and not <c>JWT</c>, or absent (the spec fixes it to <c>JWT</c>).</summary>
    public const string WrongType = "AUTH104";
    /// <summary><c>kid</c> missing (the spec makes it REQUIRED).</summary>
    public const string MissingKid = "AUTH105";
    /// <summary>A <c>crit</c> header names an extension we do not understand (RFC 7515 §4.1.11).</summary>
    public const string CriticalHeader = "AUTH106";
    /// <summary><c>iss</c> is not a trusted client.</summary>
    public const string UnknownIssuer = "AUTH110";
    /// <summary>The header's <c>jku</c> is not on the issuer's allowlist.</summary>
    public const string JkuNotAllowed = "AUTH111";
    /// <summary>No key with this <c>kid</c> in the issuer's key set, even after a refresh.</summary>
    public const string UnknownKid = "AUTH112";
    /// <summary>The key on record cannot verify this <c>alg</c> (key type, curve, size, or the JWK's own alg/use).</summary>
    public const string KeyMismatch = "AUTH113";
    /// <summary>The issuer's JWK Set could not be fetched or parsed.</summary>
    public const string JwksUnavailable = "AUTH114";
    /// <summary>Signature does not verify.</summary>
    public const string BadSignature = "AUTH120";
    /// <summary><c>aud</c> is not the URL that was invoked.</summary>
    public const string WrongAudience = "AUTH130";
    /// <summary><c>exp</c> is in the past (beyond the clock skew).</summary>
    public const string Expired = "AUTH131";
    /// <summary><c>nbf</c> or <c>iat</c> is in the future (beyond the clock skew).</summary>
    public const string NotYetValid = "AUTH132";
    /// <summary>A REQUIRED claim (iss, aud, exp, iat, jti) is missing.</summary>
    public const string MissingClaim = "AUTH133";
    /// <summary>The client is bound to a tenant and the token names another (or none).</summary>
    public const string WrongTenant = "AUTH134";
    /// <summary><c>exp - iat</c> exceeds the configured maximum lifetime.</summary>
    public const string LifetimeTooLong = "AUTH135";
    /// <summary>This (<c>iss</c>, <c>jti</c>) was already used.</summary>
    public const string Replayed = "AUTH140";
}
