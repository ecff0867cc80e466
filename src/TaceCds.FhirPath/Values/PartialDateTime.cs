using System.Globalization;
using System.Text;

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
public readonly record struct PartialDateTime(
    int Year, int Month, int Day, int Hour, int Minute, int Second, int Millisecond,
    DateTimePrecision Precision, int? OffsetMinutes, bool IsTimeOnly)
{
    public static bool TryParseDate(string text, out PartialDateTime value)
    {
        var reader = new Reader(text);
        value = default;
        return reader.DatePart(out var y, out var mo, out var d, out var precision) && reader.AtEnd
            && TryBuild(y, mo, d, 0, 0, 0, 0, precision, null, false, out value);
    }

    /// <summary>Parses a FHIR/FHIRPath dateTime; a bare date (<c>2015-02-04</c>) is a date-time of day precision.</summary>
    public static bool TryParseDateTime(string text, out PartialDateTime value)
    {
        var reader = new Reader(text);
        value = default;
        if (!reader.DatePart(out var y, out var mo, out var d, out var precision))
            return false;
        int h = 0, mi = 0, sec = 0, ms = 0;
        int? offset = null;
        if (reader.Take('T') && !reader.AtEnd)
        {
            // A time needs a full date ("2015T10" is not a date-time); "2015T" alone is year precision.
            if (precision != DateTimePrecision.Day || !reader.TimePart(out h, out mi, out sec, out ms, out precision) || !reader.Zone(out offset))
                return false;
        }
        return reader.AtEnd && TryBuild(y, mo, d, h, mi, sec, ms, precision, offset, false, out value);
    }

    public static bool TryParseTime(string text, out PartialDateTime value)
    {
        var reader = new Reader(text);
        value = default;
        return reader.TimePart(out var h, out var mi, out var s, out var ms, out var precision) && reader.AtEnd
            && TryBuild(1, 1, 1, h, mi, s, ms, precision, null, true, out value);
    }

    private static bool TryBuild(int year, int month, int day, int hour, int minute, int second, int milli,
        DateTimePrecision precision, int? offset, bool timeOnly, out PartialDateTime value)
    {
        value = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        if (hour > 23 || minute > 59 || second > 59 || offset is < -14 * 60 or > 14 * 60)
            return false;
        value = new PartialDateTime(year, month, day, hour, minute, second, milli, precision, offset, timeOnly);
        return true;
    }

    /// <summary>A hand-written scanner: date-times are parsed on every FHIR date read, so no regular expressions.</summary>
    private ref struct Reader(string text)
    {
        private readonly string _text = text;
        private int _pos;

        public readonly bool AtEnd => _pos == _text.Length;

        public bool Take(char c)
        {
            if (_pos < _text.Length && _text[_pos] == c)
            {
                _pos++;
                return true;
            }
            return false;
        }

        private bool Digits(int count, out int value)
        {
            value = 0;
            if (_pos + count > _text.Length)
                return false;
            for (var i = 0; i < count; i++)
            {
                var c = _text[_pos + i];
                if (!char.IsAsciiDigit(c))
                    return false;
                value = value * 10 + (c - '0');
            }
            _pos += count;
            return true;
        }

        private readonly bool NextIsDigit => _pos < _text.Length && char.IsAsciiDigit(_text[_pos]);

        public bool DatePart(out int year, out int month, out int day, out DateTimePrecision precision)
        {
            month = day = 1;
            precision = DateTimePrecision.Year;
            if (!Digits(4, out year))
                return false;
            if (!Take('-'))
                return true;
            if (!Digits(2, out month))
                return false;
            precision = DateTimePrecision.Month;
            if (!Take('-'))
                return true;
            if (!Digits(2, out day))
                return false;
            precision = DateTimePrecision.Day;
            return true;
        }

        public bool TimePart(out int hour, out int minute, out int second, out int milli, out DateTimePrecision precision)
        {
            minute = second = milli = 0;
            precision = DateTimePrecision.Hour;
            if (!Digits(2, out hour))
                return false;
            if (!Take(':'))
                return true;
            if (!Digits(2, out minute))
                return false;
            precision = DateTimePrecision.Minute;
            if (!Take(':'))
                return true;
            if (!Digits(2, out second))
                return false;
            precision = DateTimePrecision.Second;
            if (!Take('.'))
                return true;
            if (!NextIsDigit)
                return false;
            // Only milliseconds are kept; further digits are read and dropped.
            var digits = 0;
            while (NextIsDigit)
            {
                if (digits < 3)
                    milli = milli * 10 + (_text[_pos] - '0');
                digits++;
                _pos++;
            }
            for (; digits < 3; digits++)
                milli *= 10;
            precision = DateTimePrecision.Millisecond;
            return true;
        }

        public bool Zone(out int? offset)
        {
            offset = null;
            if (Take('Z'))
            {
                offset = 0;
                return true;
            }
            if (_pos >= _text.Length || _text[_pos] is not ('+' or '-'))
                return true;
            var sign = _text[_pos++] == '-' ? -1 : 1;
            if (!Digits(2, out var h) || !Take(':') || !Digits(2, out var m) || m > 59)
                return false;
            offset = sign * (h * 60 + m);
            return true;
        }
    }

    /// <summary>The instant in UTC (time zone applied; no zone = taken as UTC). Date-times only.</summary>
    public DateTime ToUtcDateTime()
    {
        var local = new DateTime(Year, Month, Day, Hour, Minute, Second, Millisecond, DateTimeKind.Unspecified);
        return OffsetMinutes is { } o ? local.AddMinutes(-o) : local;
    }

    /// <summary>Builds from a DateTime, keeping a given precision and zone.</summary>
    public static PartialDateTime FromDateTime(DateTime dt, DateTimePrecision precision, int? offsetMinutes, bool timeOnly = false) =>
        new(dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, dt.Second, dt.Millisecond, precision, offsetMinutes, timeOnly);

    /// <summary>The FHIR/FHIRPath text form, without '@' (what fhirpath.js and the suite print).</summary>
    public string Format()
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
