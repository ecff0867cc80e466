namespace TaceCds.Security;

/// <summary>Base64url without padding (RFC 7515 §2), strict: no padding, no whitespace, no other alphabet.</summary>
internal static class Base64Url
{
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1) return false;
        foreach (var c in text)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_')) return false;
        }
        var padded = new char[text.Length + (4 - text.Length % 4) % 4];
        for (var i = 0; i < text.Length; i++) padded[i] = text[i] switch { '-' => '+', '_' => '/', var c => c };
        for (var i = text.Length; i < padded.Length; i++) padded[i] = '=';
        try
        {
            bytes = Convert.FromBase64CharArray(padded, 0, padded.Length);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
