using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TaceCds.FhirPath.Values;

public enum DateTimePrecision
{
    Year = 1,
    Month = 2,
    Day = 3,
    Hour = 4,
    Minute = 5,
    Second = 6,
    Millisecond = 7,
}

/// <summary>
/// A date, date-time or time known only to some precision (FHIRPath partial dates). Components below
/// <see cref="Precision"/> are zero/one and meaningless. <see cref="OffsetMinutes"/> is null when no time zone was given.
/// </summary>
public readonly partial record struct PartialDateTime(
    int Year, int Month, int Day, int Hour, int Minute, int Second, int Millisecond,
    DateTimePrecision Precision, int? OffsetMinutes, bool IsTimeOnly)
{
    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(?:(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?T?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^(\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    public static bool TryParseDate(string text, out PartialDateTime value)
    {
        value = default;
        var m = DatePattern().Match(text);
        return m.Success && TryBuild(m.Groups[1], m.Groups[2], m.Groups[3], null, null, null, null, null, false, out value);
    }

    /// <summary>Parses a FHIR/FHIRPath dateTime; a bare date (<c>2015-02-04</c>) is a date-time of day precision.</summary>
    public static bool TryParseDateTime(string text, out PartialDateTime value)
    {
        value = default;
        var m = DateTimePattern().Match(text);
        if (!m.Success)
            return false;
        // A zone is only meaningful with a time ("2015T+10:00" is not valid).
        if (m.Groups[8].Success && !m.Groups[4].Success)
            return false;
        return TryBuild(m.Groups[1], m.Groups[2], m.Groups[3], m.Groups[4], m.Groups[5], m.Groups[6], m.Groups[7], m.Groups[8], false, out value);
    }

    public static bool TryParseTime(string text, out PartialDateTime value)
    {
        value = default;
        var m = TimePattern().Match(text);
        return m.Success && TryBuild(null, null, null, m.Groups[1], m.Groups[2], m.Groups[3], m.Groups[4], null, true, out value);
    }

    private static bool TryBuild(Group? y, Group? mo, Group? d, Group? h, Group? mi, Group? s, Group? ms, Group? zone,
        bool timeOnly, out PartialDateTime value)
    {
        value = default;
        int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, milli = 0;
        var precision = DateTimePrecision.Year;
        if (!timeOnly)
        {
            year = Int(y!);
            if (mo!.Success) { month = Int(mo); precision = DateTimePrecision.Month; }
            if (d!.Success) { day = Int(d); precision = DateTimePrecision.Day; }
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
                return false;
        }
        if (h is { Success: true })
        {
            hour = Int(h);
            precision = DateTimePrecision.Hour;
            if (mi!.Success) { minute = Int(mi); precision = DateTimePrecision.Minute; }
            if (s!.Success) { second = Int(s); precision = DateTimePrecision.Second; }
            if (ms!.Success)
            {
                milli = int.Parse(ms.Value.PadRight(3, '0').AsSpan(0, 3), CultureInfo.InvariantCulture);
                precision = DateTimePrecision.Millisecond;
            }
            if (hour > 23 || minute > 59 || second > 59)
                return false;
        }
        int? offset = null;
        if (zone is { Success: true })
        {
            if (zone.Value == "Z")
            {
                offset = 0;
            }
            else
            {
                var sign = zone.Value[0] == '-' ? -1 : 1;
                var oh = int.Parse(zone.Value.AsSpan(1, 2), CultureInfo.InvariantCulture);
                var om = int.Parse(zone.Value.AsSpan(4, 2), CultureInfo.InvariantCulture);
                if (oh > 14 || om > 59)
                    return false;
                offset = sign * (oh * 60 + om);
            }
        }
        value = new PartialDateTime(year, month, day, hour, minute, second, milli, precision, offset, timeOnly);
        return true;
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    /// <summary>The instant in UTC (time zone applied; no zone = taken as UTC). Date-times only.</summary>
    public DateTime ToUtcDateTime()
    {
        var local = new DateTime(Year, Month, Day, Hour, Minute, Second, Millisecond, DateTimeKind.Unspecified);
        return OffsetMinutes is { } o ? local.AddMinutes(-o) : local;
    }

    /// <summary>Builds from a DateTime, keeping a given precision and zone.</summary>
    public static PartialDateTime FromDateTime(DateTime dt, DateTimePrecision precision, int? offsetMinutes, bool timeOnly = false) =>
        new(dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, dt.Second, dt.Millisecond, precision, offsetMinutes, timeOnly);

    public string Format(bool asDateTime)
    {
        var sb = new StringBuilder(32);
        var inv = CultureInfo.InvariantCulture;
        if (!IsTimeOnly)
        {
            sb.Append(Year.ToString("D4", inv));
            if (Precision >= DateTimePrecision.Month) sb.Append('-').Append(Month.ToString("D2", inv));
            if (Precision >= DateTimePrecision.Day) sb.Append('-').Append(Day.ToString("D2", inv));
            if (Precision < DateTimePrecision.Hour)
                return sb.ToString();
            sb.Append('T');
        }
        _ = asDateTime;
        sb.Append(Hour.ToString("D2", inv));
        if (Precision >= DateTimePrecision.Minute) sb.Append(':').Append(Minute.ToString("D2", inv));
        if (Precision >= DateTimePrecision.Second) sb.Append(':').Append(Second.ToString("D2", inv));
        if (Precision >= DateTimePrecision.Millisecond) sb.Append('.').Append(Millisecond.ToString("D3", inv));
        if (!IsTimeOnly && OffsetMinutes is { } o)
        {
            if (o == 0)
            {
                sb.Append('Z');
            }
            else
            {
                sb.Append(o < 0 ? '-' : '+');
                var a = Math.Abs(o);
                sb.Append((a / 60).ToString("D2", inv)).Append(':').Append((a % 60).ToString("D2", inv));
            }
        }
        return sb.ToString();
    }
}
