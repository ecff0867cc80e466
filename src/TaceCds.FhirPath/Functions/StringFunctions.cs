using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>FHIRPath N1 §5.6 String manipulation, plus encode/decode/escape/unescape and matchesFull (FHIRPath 2.0, used by the suite).</summary>
internal static class StringFunctions
{
    /// <summary>Bound on a regular expression match so a pathological pattern fails (FP206) instead of hanging.</summary>
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<string, Regex> Regexes = new(StringComparer.Ordinal);

    public static void Register(Registrar add)
    {
        add("indexOf", 1, 1, c => Str(c, s => c.StringArgument(0) is { } sub ? Int(s.IndexOf(sub, StringComparison.Ordinal)) : []));
        add("substring", 1, 2, Substring);
        add("startsWith", 1, 1, c => Str(c, s => c.StringArgument(0) is { } p ? Bool(s.StartsWith(p, StringComparison.Ordinal)) : []));
        add("endsWith", 1, 1, c => Str(c, s => c.StringArgument(0) is { } p ? Bool(s.EndsWith(p, StringComparison.Ordinal)) : []));
        add("contains", 1, 1, c => Str(c, s => c.StringArgument(0) is { } p ? Bool(s.Contains(p, StringComparison.Ordinal)) : []));
        add("upper", 0, 0, c => Str(c, s => Text(s.ToUpperInvariant())));
        add("lower", 0, 0, c => Str(c, s => Text(s.ToLowerInvariant())));
        add("replace", 2, 2, c => Str(c, s => c.StringArgument(0) is { } p && c.StringArgument(1) is { } r ? Text(Replace(s, p, r)) : []));
        add("matches", 1, 1, c => Str(c, s => c.StringArgument(0) is { } p ? Bool(Match(c, p, false, r => r.IsMatch(s))) : []));
        add("matchesFull", 1, 1, c => Str(c, s => c.StringArgument(0) is { } p ? Bool(Match(c, p, true, r => r.IsMatch(s))) : []));
        add("replaceMatches", 2, 2, c => Str(c, s => c.StringArgument(0) is { } p && c.StringArgument(1) is { } r
            ? Text(p.Length == 0 ? s : Match(c, p, false, rx => rx.Replace(s, r)))
            : []));
        add("length", 0, 0, c => Str(c, s => Int(s.Length)));
        add("toChars", 0, 0, c => Str(c, s => s.Select(ch => (FhirPathValue)new StringValue(ch.ToString())).ToList()));
        add("split", 1, 1, c => Str(c, s => c.StringArgument(0) is { } sep
            ? s.Split(sep).Select(part => (FhirPathValue)new StringValue(part)).ToList()
            : []));
        add("join", 0, 1, c => Text(string.Join(c.ArgumentCount > 0 ? c.StringArgument(0) ?? "" : "",
            c.Input.Select(v => v is StringValue s ? s.Value : throw c.Error(FhirPathErrorCodes.TypeMismatch, "join() needs String items")))));
        add("trim", 0, 0, c => Str(c, s => Text(s.Trim())));
        add("encode", 1, 1, c => Str(c, s => c.StringArgument(0) is { } f ? Text(Encode(c, s, f)) : []));
        add("decode", 1, 1, c => Str(c, s => c.StringArgument(0) is { } f ? Text(Decode(c, s, f)) : []));
        add("escape", 1, 1, c => Str(c, s => c.StringArgument(0) is { } f ? Text(Escape(c, s, f)) : []));
        add("unescape", 1, 1, c => Str(c, s => c.StringArgument(0) is { } f ? Text(Unescape(c, s, f)) : []));
    }

    private static IReadOnlyList<FhirPathValue> Bool(bool b) => [BooleanValue.Of(b)];
    private static IReadOnlyList<FhirPathValue> Int(int i) => [new IntegerValue(i)];
    private static IReadOnlyList<FhirPathValue> Text(string s) => [new StringValue(s)];

    /// <summary>Runs <paramref name="body"/> on the single String input; empty input gives empty.</summary>
    private static IReadOnlyList<FhirPathValue> Str(FunctionCall c, Func<string, IReadOnlyList<FhirPathValue>> body) => c.SingleInput() switch
    {
        null => [],
        StringValue s => body(s.Value),
        var other => throw c.Error(FhirPathErrorCodes.TypeMismatch, $"expected a String but found {other.TypeName}"),
    };

    private static IReadOnlyList<FhirPathValue> Substring(FunctionCall c) => Str(c, s =>
    {
        if (c.IntegerArgument(0) is not { } start || start < 0 || start >= s.Length)
            return [];
        var length = c.ArgumentCount > 1 ? c.IntegerArgument(1) : s.Length - start;
        if (length is null)
            return Text(s[(int)start..]);
        var len = (int)Math.Clamp(length.Value, 0, s.Length - start);
        return Text(s.Substring((int)start, len));
    });

    private static string Replace(string s, string pattern, string replacement)
    {
        if (pattern.Length > 0)
            return s.Replace(pattern, replacement, StringComparison.Ordinal);
        // An empty pattern inserts the replacement around every character ('abc'.replace('', 'x') = 'xaxbxcx').
        var sb = new StringBuilder(replacement);
        foreach (var ch in s)
            sb.Append(ch).Append(replacement);
        return sb.ToString();
    }

    private static T Match<T>(FunctionCall c, string pattern, bool full, Func<Regex, T> use)
    {
        Regex regex;
        try
        {
            regex = Regexes.GetOrAdd((full ? "F:" : "P:") + pattern, key => new Regex(
                full ? "^(?:" + key[2..] + ")$" : key[2..], RegexOptions.Singleline | RegexOptions.CultureInvariant, RegexTimeout));
        }
        catch (ArgumentException e)
        {
            throw c.Error(FhirPathErrorCodes.InvalidArgument, $"invalid regular expression: {e.Message}");
        }
        try
        {
            return use(regex);
        }
        catch (RegexMatchTimeoutException)
        {
            throw c.Error(FhirPathErrorCodes.LimitExceeded, "regular expression took too long");
        }
    }

    private static string Encode(FunctionCall c, string s, string format) => format switch
    {
        "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)),
        "urlbase64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).Replace('+', '-').Replace('/', '_'),
        "hex" => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s)),
        _ => throw c.Error(FhirPathErrorCodes.InvalidArgument, $"unknown encoding '{format}'"),
    };

    private static string Decode(FunctionCall c, string s, string format)
    {
        try
        {
            var bytes = format switch
            {
                "base64" => Convert.FromBase64String(s),
                "urlbase64" => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/')),
                "hex" => Convert.FromHexString(s),
                _ => throw c.Error(FhirPathErrorCodes.InvalidArgument, $"unknown encoding '{format}'"),
            };
            return Encoding.UTF8.GetString(bytes);
        }
        catch (FormatException)
        {
            throw c.Error(FhirPathErrorCodes.InvalidArgument, $"input is not valid {format}");
        }
    }

    private static string Escape(FunctionCall c, string s, string format) => format switch
    {
        "html" => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;"),
        "json" => JsonEncodedText.Encode(s, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
        _ => throw c.Error(FhirPathErrorCodes.InvalidArgument, $"unknown escape format '{format}'"),
    };

    /// <summary>Undoes JSON string escapes (\" \\ \/ \b \f \n \r \t \uXXXX); other text is kept as is.</summary>
    private static string UnescapeJson(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }
            var e = s[++i];
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when i + 4 < s.Length && int.TryParse(s.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }
        return sb.ToString();
    }

    private static string Unescape(FunctionCall c, string s, string format)
    {
        switch (format)
        {
            case "html":
                return System.Net.WebUtility.HtmlDecode(s);
            case "json":
                return UnescapeJson(s);
            default:
                throw c.Error(FhirPathErrorCodes.InvalidArgument, $"unknown escape format '{format}'");
        }
    }
}
