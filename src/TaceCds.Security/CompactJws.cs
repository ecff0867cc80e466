using System.Text;
using System.Text.Json;

namespace TaceCds.Security;

/// <summary>
/// A JWS in compact serialization (RFC 7515 §7.1): header.payload.signature, each base64url. Parsed by hand with
/// System.Text.Json so that nothing is trusted before the algorithm and key checks.
/// </summary>
internal sealed class CompactJws
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 16 };

    public required JsonElement Header { get; init; }
    public required JsonElement Payload { get; init; }
    /// <summary>ASCII bytes of "header.payload": what the signature covers.</summary>
    public required byte[] SigningInput { get; init; }
    public required byte[] Signature { get; init; }

    public static bool TryParse(string token, out CompactJws? jws, out string reason)
    {
        jws = null;
        var firstDot = token.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (firstDot < 0 || secondDot < 0 || token.IndexOf('.', secondDot + 1) >= 0)
        {
            reason = "not three dot-separated parts";
            return false;
        }
        var span = token.AsSpan();
        if (!Base64Url.TryDecode(span[..firstDot], out var headerBytes)
            || !Base64Url.TryDecode(span[(firstDot + 1)..secondDot], out var payloadBytes)
            || !Base64Url.TryDecode(span[(secondDot + 1)..], out var signature))
        {
            reason = "a part is not base64url";
            return false;
        }
        if (!TryParseObject(headerBytes, out var header) || !TryParseObject(payloadBytes, out var payload))
        {
            reason = "header or payload is not a JSON object";
            return false;
        }
        jws = new CompactJws
        {
            Header = header,
            Payload = payload,
            SigningInput = Encoding.ASCII.GetBytes(token[..secondDot]),
            Signature = signature,
        };
        reason = "";
        return true;
    }

    private static bool TryParseObject(byte[] utf8, out JsonElement element)
    {
        element = default;
        try
        {
            using var doc = JsonDocument.Parse(utf8, Strict);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return false;
            element = doc.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
