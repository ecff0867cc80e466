using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaceCds.Report.Model;

/// <summary>
/// Readable text for any value of the EvaluationResult, never JSON: numbers in the invariant culture (up to three
/// decimals), booleans yes/no, nothing as "n/a" — the conventions of the rules engine's card text
/// (<c>TaceCds.Rules.Runtime.ValueFormatter</c>, which formats FHIRPath values, not JSON). A quantity
/// <c>{value, unit}</c> reads "42.4 mm"; any other object "label: value; label: value".
/// </summary>
public static class ValueText
{
    public const string Empty = "n/a";

    public static string Of(JsonNode? node) => node switch
    {
        null => Empty,
        JsonValue v => Scalar(v),
        JsonArray a => a.Count == 0 ? Empty : string.Join(", ", a.Select(Of)),
        JsonObject o when Quantity(o) is { } q => q,
        JsonObject o => string.Join("; ", o.Select(m => $"{Label(m.Key)}: {Of(m.Value)}")),
        _ => Empty,
    };

    /// <summary>"42.4 mm", "2.12" (UCUM "1" is a pure number), "17.4 %"; null when the object has no scalar <c>value</c>.</summary>
    public static string? Quantity(JsonObject o)
    {
        if (o["value"] is not JsonValue value) return null;
        var unit = o["unit"].Str();
        var text = Scalar(value);
        return unit is null or "1" or "" ? text : $"{text} {unit}";
    }

    private static string Scalar(JsonValue v) => v.GetValueKind() switch
    {
        JsonValueKind.String => v.GetValue<string>(),
        JsonValueKind.Number => v.Num() is { } d ? d.ToString("0.###", CultureInfo.InvariantCulture) : v.ToJsonString(),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => Empty,
    };

    // Abbreviations that stay upper case when a member name becomes a label.
    private static readonly HashSet<string> Acronyms = new(StringComparer.OrdinalIgnoreCase)
    {
        "afp", "ast", "alt", "nlr", "inr", "ecog", "bclc", "cnlc", "albi", "malbi", "abcr", "art", "hap", "hpi", "pvp", "ps",
        "nic", "ap", "adc", "dect", "ivim", "ct", "mr", "mri", "pet", "tace", "ici", "dlp", "ctp", "os", "auc", "iiia",
    };

    /// <summary>A member name as words: <c>afpBeforeFirst</c> → "AFP before first", <c>bclc-b-or-c</c> → "BCLC b or c".</summary>
    public static string Label(string key)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var boundary = c is '-' or '_' or ' ' or '.'
                || (char.IsUpper(c) && i > 0 && (char.IsLower(key[i - 1]) || (i + 1 < key.Length && char.IsLower(key[i + 1]) && char.IsUpper(key[i - 1]))))
                || (char.IsDigit(c) && i > 0 && char.IsLetter(key[i - 1]));
            if (boundary && current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
            if (c is not ('-' or '_' or ' ' or '.')) current.Append(c);
        }
        if (current.Length > 0) words.Add(current.ToString());
        var shown = words.Select(w => Acronyms.Contains(w) ? w.ToUpperInvariant() : w.ToLowerInvariant()).ToList();
        if (shown.Count == 0) return key;
        shown[0] = char.ToUpperInvariant(shown[0][0]) + shown[0][1..];
        return string.Join(' ', shown).Replace("Child pugh", "Child-Pugh", StringComparison.Ordinal).Replace("child pugh", "Child-Pugh", StringComparison.Ordinal);
    }
}
