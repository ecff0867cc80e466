using System.Globalization;
using System.Text.RegularExpressions;

namespace TaceCds.Fhir.Model;

public enum DateTimePrecision { Year, Month, Day, Minute, Second }

/// <summary>
/// A FHIR date, dateTime or instant as written (partial dates allowed), with its precision.
/// Clinical logic works on calendar days, so <see cref="Date"/> is the day the value starts on, in the
/// offset it was written in (no time-zone shifting: a 23:30+08:00 exam happened on that local day).
/// </summary>
public sealed partial record FhirDateTime : IComparable<FhirDateTime>
{
    public string Value { get; }
    public DateTimePrecision Precision { get; }
    /// <summary>The first instant the value can denote; the offset is UTC when none was written.</summary>
    public DateTimeOffset Start { get; }

    private FhirDateTime(string value, DateTimePrecision precision, DateTimeOffset start)
    {
        Value = value;
        Precision = precision;
        Start = start;
    }

    /// <summary>The local calendar day the value starts on (1 January for a year, the 1st for a month).</summary>
    public DateOnly Date => DateOnly.FromDateTime(Start.DateTime);

    public static FhirDateTime FromDate(DateOnly date) =>
        new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimePrecision.Day,
            new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public static bool TryParse(string? text, out FhirDateTime? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text)) return false;
        var m = Pattern().Match(text);
        if (!m.Success) return false;
        try
        {
            int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            int month = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 1;
            int day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
            var precision = m.Groups["d"].Success ? DateTimePrecision.Day : m.Groups["m"].Success ? DateTimePrecision.Month : DateTimePrecision.Year;
            var time = TimeSpan.Zero;
            var offset = TimeSpan.Zero;
            if (m.Groups["H"].Success)
            {
                precision = m.Groups["S"].Success ? DateTimePrecision.Second : DateTimePrecision.Minute;
                time = new TimeSpan(int.Parse(m.Groups["H"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["M"].Value, CultureInfo.InvariantCulture),
                    m.Groups["S"].Success ? int.Parse(m.Groups["S"].Value, CultureInfo.InvariantCulture) : 0);
                if (m.Groups["z"].Success && m.Groups["z"].Value != "Z")
                    offset = TimeSpan.ParseExact(m.Groups["z"].Value.TrimStart('+', '-'), @"hh\:mm", CultureInfo.InvariantCulture)
                             * (m.Groups["z"].Value[0] == '-' ? -1 : 1);
                if (time >= TimeSpan.FromDays(1)) return false;
            }
            var start = new DateTimeOffset(new DateTime(year, month, day).Add(time), offset);
            value = new FhirDateTime(text, precision, start);
            return true;
        }
        catch (ArgumentOutOfRangeException) { return false; }
        catch (FormatException) { return false; }
        catch (OverflowException) { return false; }
    }

    public static FhirDateTime Parse(string text) =>
        TryParse(text, out var value) ? value! : throw new FormatException($"Not a FHIR date/dateTime: '{text}'");

    public int CompareTo(FhirDateTime? other) => other is null ? 1 : Start.CompareTo(other.Start);

    public override string ToString() => Value;

    // FHIR R4 dateTime regex (datatypes.html#dateTime), with named groups. A time requires a zone, except that we
    // accept a zone-less time (as many real systems send) and read it as UTC.
    [GeneratedRegex(@"^(?<y>[0-9]{4})(-(?<m>0[1-9]|1[0-2])(-(?<d>0[1-9]|[12][0-9]|3[01])(T(?<H>[01][0-9]|2[0-3]):(?<M>[0-5][0-9])(:(?<S>[0-5][0-9]|60)(\.[0-9]{1,9})?)?(?<z>Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
