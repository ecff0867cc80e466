using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TaceCds.Service.Board;

/// <summary>How a presented board link token was judged.</summary>
public enum BoardLinkVerdict { Valid, Expired, OtherPatient, Invalid }

/// <summary>The verdict, and the token's id (jti) when its signature held — what the audit keeps instead of the token.</summary>
public sealed record BoardLinkCheck(BoardLinkVerdict Verdict, string? TokenId);

/// <summary>
/// Short-lived, patient-bound link tokens for <c>GET /board/{patientId}?t=…</c>, so a browser opens the page from a card
/// without the client's JWT. A token is <c>base64url(payload).base64url(HMAC-SHA256(secret, payload))</c> with payload
/// <c>v1|patientId|exp|jti</c>: exp (Unix seconds) from the injected clock (token expiry is the service's business, not
/// clinical logic), jti 128 random bits. Nothing in it is secret; without the server's key nobody can make or alter one.
/// </summary>
public sealed class BoardLinkTokens(BoardLinkSettings settings, TimeProvider time)
{
    private const string Version = "v1";

    public bool Enabled => settings.Enabled;

    public string Issue(string patientId)
    {
        var exp = time.GetUtcNow().Add(settings.Lifetime).ToUnixTimeSeconds();
        var jti = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var payload = Encoding.UTF8.GetBytes(string.Join('|', Version, patientId, exp.ToString(CultureInfo.InvariantCulture), jti));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Sign(payload));
    }

    /// <summary>
    /// Signature first (a forged or altered token says nothing else), then the patient, then expiry: a valid token for
    /// another patient is refused as such even when it has also expired.
    /// </summary>
    public BoardLinkCheck Verify(string patientId, string? token)
    {
        if (!settings.Enabled || string.IsNullOrEmpty(token) || token.Length > 512) return new(BoardLinkVerdict.Invalid, null);
        var dot = token.IndexOf('.');
        if (dot <= 0 || !TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var mac)) return new(BoardLinkVerdict.Invalid, null);
        if (!CryptographicOperations.FixedTimeEquals(mac, Sign(payload))) return new(BoardLinkVerdict.Invalid, null);
        var fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length != 4 || fields[0] != Version || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var exp))
            return new(BoardLinkVerdict.Invalid, null);
        var jti = fields[3];
        if (!string.Equals(fields[1], patientId, StringComparison.Ordinal)) return new(BoardLinkVerdict.OtherPatient, jti);
        if (time.GetUtcNow().ToUnixTimeSeconds() >= exp) return new(BoardLinkVerdict.Expired, jti);
        return new(BoardLinkVerdict.Valid, jti);
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(settings.Secret ?? throw new InvalidOperationException("board links are disabled"), payload);

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(text)) return false;
        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }
}
