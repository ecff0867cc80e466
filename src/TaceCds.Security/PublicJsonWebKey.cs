using System.Security.Cryptography;
using System.Text.Json;

namespace TaceCds.Security;

/// <summary>
/// A public signing key from a JWK Set (RFC 7517): EC (P-256/384/521) or RSA (at least 2048 bits).
/// Private members, if a careless client publishes them, are ignored. Importing a key into the platform costs
/// far more than a verification (milliseconds), so imported key objects are pooled; each is used by one thread
/// at a time, because the .NET crypto types do not promise thread safety.
/// </summary>
internal sealed class PublicJsonWebKey
{
    private const int MinRsaBits = 2048;
    private const int MaxPooled = 8;
    private ECParameters _ec;
    private RSAParameters _rsa;
    private readonly System.Collections.Concurrent.ConcurrentBag<AsymmetricAlgorithm> _pool = [];

    public required string Kid { get; init; }
    public required string KeyType { get; init; }
    public string? Curve { get; private init; }
    /// <summary>The JWK's own <c>alg</c>, if it declares one: then the token must use exactly that.</summary>
    public string? Algorithm { get; private init; }
    public int RsaBits { get; private init; }

    public static PublicJsonWebKey? TryParse(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object) return null;
        var kid = Str(jwk, "kid");
        var kty = Str(jwk, "kty");
        if (kid is null || kty is null) return null;
        var use = Str(jwk, "use");
        if (use is not null && use != "sig") return null;
        var alg = Str(jwk, "alg");
        try
        {
            switch (kty)
            {
                case "EC":
                    var crv = Str(jwk, "crv");
                    var curve = crv switch
                    {
                        "P-256" => ECCurve.NamedCurves.nistP256,
                        "P-384" => ECCurve.NamedCurves.nistP384,
                        "P-521" => ECCurve.NamedCurves.nistP521,
                        _ => (ECCurve?)null,
                    };
                    if (curve is null || !Bytes(jwk, "x", out var x) || !Bytes(jwk, "y", out var y)) return null;
                    var ec = new ECParameters { Curve = curve.Value, Q = new ECPoint { X = x, Y = y } };
                    ec.Validate();
                    return new PublicJsonWebKey { Kid = kid, KeyType = kty, Curve = crv, Algorithm = alg, _ec = ec };
                case "RSA":
                    if (!Bytes(jwk, "n", out var n) || !Bytes(jwk, "e", out var e)) return null;
                    var bits = (n.Length - (n.Length > 0 && n[0] == 0 ? 1 : 0)) * 8;
                    return new PublicJsonWebKey
                    {
                        Kid = kid, KeyType = kty, Algorithm = alg, RsaBits = bits,
                        _rsa = new RSAParameters { Modulus = n, Exponent = e },
                    };
                default:
                    return null; // "oct" (symmetric) and anything else cannot verify an asymmetric JWS
            }
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Why this key cannot verify <paramref name="alg"/>, or null when it can.</summary>
    public string? Unsuitability(JwsAlgorithm alg)
    {
        if (Algorithm is not null && Algorithm != alg.Name) return $"key declares alg {Algorithm}, token uses {alg.Name}";
        return alg.Family switch
        {
            JwsKeyFamily.EllipticCurve when KeyType != "EC" => $"{alg.Name} needs an EC key, key is {KeyType}",
            JwsKeyFamily.EllipticCurve when Curve != alg.Curve => $"{alg.Name} needs curve {alg.Curve}, key is {Curve}",
            JwsKeyFamily.RsaPkcs1 or JwsKeyFamily.RsaPss when KeyType != "RSA" => $"{alg.Name} needs an RSA key, key is {KeyType}",
            JwsKeyFamily.RsaPkcs1 or JwsKeyFamily.RsaPss when RsaBits < MinRsaBits => $"RSA key of {RsaBits} bits (< {MinRsaBits})",
            _ => null,
        };
    }

    public bool Verify(JwsAlgorithm alg, byte[] signingInput, byte[] signature)
    {
        // JWS carries ECDSA signatures as R||S (IEEE P1363), fixed length per curve (RFC 7518 §3.4).
        if (alg.Family == JwsKeyFamily.EllipticCurve && signature.Length != alg.SignatureLength) return false;
        AsymmetricAlgorithm? key = null;
        try
        {
            if (!_pool.TryTake(out key)) key = KeyType == "EC" ? ECDsa.Create(_ec) : RSA.Create(_rsa);
            var ok = key switch
            {
                ECDsa ecdsa when alg.Family == JwsKeyFamily.EllipticCurve =>
                    ecdsa.VerifyData(signingInput, signature, alg.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                RSA rsa when alg.Family != JwsKeyFamily.EllipticCurve =>
                    rsa.VerifyData(signingInput, signature, alg.Hash, alg.Family == JwsKeyFamily.RsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
                _ => false,
            };
            if (_pool.Count < MaxPooled) { _pool.Add(key); key = null; }
            return ok;
        }
        catch (CryptographicException)
        {
            return false;
        }
        finally
        {
            key?.Dispose();
        }
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bytes(JsonElement obj, string name, out byte[] bytes)
    {
        bytes = [];
        var s = Str(obj, name);
        return s is { Length: > 0 } && Base64Url.TryDecode(s, out bytes) && bytes.Length > 0;
    }
}
