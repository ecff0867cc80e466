using System.Runtime.InteropServices;
using System.Text.Json;

namespace TaceCds.FhirPath.Values;

/// <summary>
/// Reads JSON numbers as decimals without the general parser for the common plain form (<c>-12.345</c>, at most 18
/// digits); anything else (exponents, long mantissas) goes through <see cref="JsonElement.TryGetDecimal"/>.
/// Numbers are read on every navigation to a numeric field, so this is on the evaluator's hot path.
/// </summary>
internal static class JsonNumbers
{
    public static bool TryGetDecimal(JsonElement json, out decimal value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(json);
        if (TryParsePlain(raw, out value))
            return true;
        return json.TryGetDecimal(out value);
    }

    private static bool TryParsePlain(ReadOnlySpan<byte> raw, out decimal value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (raw.Length > 0 && raw[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }
        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        for (; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == (byte)'.' && scale < 0)
            {
                scale = 0;
                continue;
            }
            if (c is < (byte)'0' or > (byte)'9' || ++digits > 18)
                return false;
            mantissa = mantissa * 10 + (uint)(c - '0');
            if (scale >= 0)
                scale++;
        }
        if (digits == 0 || scale == 0)
            return false;
        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }
}
