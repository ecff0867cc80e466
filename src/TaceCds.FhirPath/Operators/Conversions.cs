using System.Globalization;
using System.Text.RegularExpressions;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Operators;

/// <summary>Conversions shared by the conversion functions and by implicit conversion in operators.</summary>
internal static partial class Conversions
{
    [GeneratedRegex(@"^([+-]?\d+(?:\.\d+)?)\s*(?:'([^']+)'|([a-zA-Z]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"^[+-]?\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?\d+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    private static readonly HashSet<string> CalendarKeywords =
    [
        "year", "years", "month", "months", "week", "weeks", "day", "days",
        "hour", "hours", "minute", "minutes", "second", "seconds", "millisecond", "milliseconds",
    ];

    /// <summary>Reads a string as the same temporal type as <paramref name="like"/> (fact-tree dates are ISO strings).</summary>
    public static TemporalValue? StringAs(string text, TemporalValue like) => like switch
    {
        DateValue => ToDate(text) ?? (TemporalValue?)ToDateTime(text),
        DateTimeValue => ToDateTime(text),
        TimeValue => PartialDateTime.TryParseTime(text, out var t) ? new TimeValue(t) : null,
        _ => null,
    };

    public static DateValue? ToDate(string text) => PartialDateTime.TryParseDate(text, out var d) ? new DateValue(d) : null;

    public static DateTimeValue? ToDateTime(string text) =>
        PartialDateTime.TryParseDateTime(text, out var d) ? new DateTimeValue(d) : null;

    public static IntegerValue? ToInteger(FhirPathValue v) => v switch
    {
        IntegerValue i => i,
        StringValue s when IntegerPattern().IsMatch(s.Value) && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => new IntegerValue(i),
        BooleanValue b => new IntegerValue(b.Value ? 1 : 0),
        _ => null,
    };

    public static DecimalValue? ToDecimal(FhirPathValue v) => v switch
    {
        DecimalValue d => d,
        IntegerValue i => new DecimalValue(i.Value),
        StringValue s when DecimalPattern().IsMatch(s.Value) && decimal.TryParse(s.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => new DecimalValue(d),
        BooleanValue b => new DecimalValue(b.Value ? 1m : 0m),
        _ => null,
    };

    public static BooleanValue? ToBoolean(FhirPathValue v) => v switch
    {
        BooleanValue b => b,
        IntegerValue { Value: 1 } => BooleanValue.True,
        IntegerValue { Value: 0 } => BooleanValue.False,
        DecimalValue { Value: 1m } => BooleanValue.True,
        DecimalValue { Value: 0m } => BooleanValue.False,
        StringValue s => s.Value.ToLowerInvariant() switch
        {
            "true" or "t" or "yes" or "y" or "1" or "1.0" => BooleanValue.True,
            "false" or "f" or "no" or "n" or "0" or "0.0" => BooleanValue.False,
            _ => null,
        },
        _ => null,
    };

    public static QuantityValue? ToQuantity(FhirPathValue v)
    {
        switch (v)
        {
            case QuantityValue q:
                return q;
            case IntegerValue or DecimalValue:
                return new QuantityValue(Numbers.ToDecimal(v), "1", false);
            case BooleanValue b:
                return new QuantityValue(b.Value ? 1m : 0m, "1", false);
            case StringValue s:
            {
                var m = QuantityPattern().Match(s.Value.Trim());
                if (!m.Success || !decimal.TryParse(m.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
                    return null;
                if (m.Groups[2].Success)
                    return new QuantityValue(amount, m.Groups[2].Value, false);
                if (m.Groups[3].Success)
                {
                    var word = m.Groups[3].Value;
                    return CalendarKeywords.Contains(word) ? new QuantityValue(amount, word.TrimEnd('s'), true) : null;
                }
                return new QuantityValue(amount, "1", false);
            }
            default:
                return null;
        }
    }

    public static StringValue? ToStringValue(FhirPathValue v) => v switch
    {
        StringValue s => s,
        ElementValue or TypeInfoValue => null,
        _ => new StringValue(v.ToString()),
    };

    public static TimeValue? ToTime(FhirPathValue v) => v switch
    {
        TimeValue t => t,
        StringValue s when PartialDateTime.TryParseTime(s.Value, out var t) => new TimeValue(t),
        _ => null,
    };
}
