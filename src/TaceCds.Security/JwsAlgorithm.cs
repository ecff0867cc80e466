using System.Security.Cryptography;

namespace TaceCds.Security;

/// <summary>
/// The asymmetric JWS algorithms we verify (RFC 7518 §3.3-3.5). CDS Hooks 2.0.1 forbids <c>none</c> and every
/// symmetric algorithm, and recommends ES384 and RS384. Anything not in this table is refused.
/// </summary>
internal sealed record JwsAlgorithm(string Name, JwsKeyFamily Family, HashAlgorithmName Hash, string? Curve, int SignatureLength)
{
    private static readonly Dictionary<string, JwsAlgorithm> Known = new(StringComparer.Ordinal)
    {
        ["ES256"] = new("ES256", JwsKeyFamily.EllipticCurve, HashAlgorithmName.SHA256, "P-256", 64),
        ["ES384"] = new("ES384", JwsKeyFamily.EllipticCurve, HashAlgorithmName.SHA384, "P-384", 96),
        ["ES512"] = new("ES512", JwsKeyFamily.EllipticCurve, HashAlgorithmName.SHA512, "P-521", 132),
        ["RS256"] = new("RS256", JwsKeyFamily.RsaPkcs1, HashAlgorithmName.SHA256, null, 0),
        ["RS384"] = new("RS384", JwsKeyFamily.RsaPkcs1, HashAlgorithmName.SHA384, null, 0),
        ["RS512"] = new("RS512", JwsKeyFamily.RsaPkcs1, HashAlgorithmName.SHA512, null, 0),
        ["PS256"] = new("PS256", JwsKeyFamily.RsaPss, HashAlgorithmName.SHA256, null, 0),
        ["PS384"] = new("PS384", JwsKeyFamily.RsaPss, HashAlgorithmName.SHA384, null, 0),
        ["PS512"] = new("PS512", JwsKeyFamily.RsaPss, HashAlgorithmName.SHA512, null, 0),
    };

    /// <summary>Case-sensitive, as RFC 7515 §4.1.1 requires: "es384" or "None" are not aliases.</summary>
    public static JwsAlgorithm? Find(string name) => Known.GetValueOrDefault(name);

    public static IEnumerable<string> Names => Known.Keys;
}

internal enum JwsKeyFamily { EllipticCurve, RsaPkcs1, RsaPss }
