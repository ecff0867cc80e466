using System.Text.Json;

namespace TaceCds.Security;

/// <summary>A parsed JWK Set (RFC 7517 §5): usable signing keys by kid. Unusable members are skipped, not fatal.</summary>
internal sealed class JsonWebKeySet
{
    private readonly Dictionary<string, PublicJsonWebKey> _byKid;

    private JsonWebKeySet(Dictionary<string, PublicJsonWebKey> byKid) => _byKid = byKid;

    public int Count => _byKid.Count;

    public PublicJsonWebKey? Find(string kid) => _byKid.GetValueOrDefault(kid);

    /// <summary>Null when the text is not a JSON object with a "keys" array.</summary>
    public static JsonWebKeySet? TryParse(string json, int maxKeys)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("keys", out var keys)
                || keys.ValueKind != JsonValueKind.Array)
                return null;
            var byKid = new Dictionary<string, PublicJsonWebKey>(StringComparer.Ordinal);
            foreach (var element in keys.EnumerateArray())
            {
                if (byKid.Count >= maxKeys) break;
                // A kid MUST be unique within the client's set; on a duplicate keep the first, deterministically.
                if (PublicJsonWebKey.TryParse(element) is { } key) byKid.TryAdd(key.Kid, key);
            }
            return new JsonWebKeySet(byKid);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
