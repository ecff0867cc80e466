using System.Globalization;
using System.Text;
using System.Text.Json;
using TaceCds.FhirPath.Values;

namespace TaceCds.Rules.Runtime;

/// <summary>
/// Turns FHIRPath results into card text. Numbers use the invariant culture; a collection is joined with ", ";
/// empty renders as "n/a". In markdown, values are escaped so patient data can never inject markup or HTML.
/// </summary>
internal static class ValueFormatter
{
    public const string Empty = "n/a";
    public const string FormatHelp = "a number pattern like 0.0 or 0.###, 'percent' (× 100, one decimal), or 'date'";

    public static bool IsKnownFormat(string format) =>
        format is "percent" or "date" || (format.Length > 0 && format.All(c => c is '0' or '#' or '.' or ','));

    public static string Format(IReadOnlyList<FhirPathValue> values, string? format, bool markdown)
    {
        if (values.Count == 0) return Empty;
        var sb = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(FormatOne(values[i], format));
        }
        return markdown ? EscapeMarkdown(sb.ToString()) : sb.ToString();
    }

    private static string FormatOne(FhirPathValue value, string? format)
    {
        if (Number(value) is { } d)
        {
            if (format == "percent") return (d * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
            return d.ToString(format is null || format == "date" ? "0.###" : format, CultureInfo.InvariantCulture);
        }
        return value switch
        {
            BooleanValue b => b.Value ? "yes" : "no",
            StringValue s => s.Value,
            QuantityValue q => q.Value.ToString("0.###", CultureInfo.InvariantCulture) + " " + q.Unit,
            ElementValue e when e.Element.ValueKind == JsonValueKind.String => e.Element.GetString() ?? "",
            ElementValue e when e.Element.ValueKind is JsonValueKind.True or JsonValueKind.False => e.Element.GetBoolean() ? "yes" : "no",
            _ => value.ToString() ?? "",
        };
    }

    public static decimal? Number(FhirPathValue value) => value switch
    {
        IntegerValue i => i.Value,
        DecimalValue d => d.Value,
        ElementValue e when e.Element.ValueKind == JsonValueKind.Number && e.Element.TryGetDecimal(out var x) => x,
        _ => null,
    };

    /// <summary>Escapes markdown and HTML metacharacters so a value renders as literal text.</summary>
    public static string EscapeMarkdown(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' or '{' or '}':
                    sb.Append('\\').Append(c); break;
                case '\r' or '\n': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
