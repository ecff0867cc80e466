using TaceCds.FhirPath.Operators;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>
/// lowBoundary(), highBoundary() and precision() (FHIRPath 2.0 §5.7/§5.10, exercised by the R4 suite): the range a
/// value of limited precision stands for. Precision counts digits: 4 year, 6 month, 8 day, 10 hour, 12 minute,
/// 14 second, 17 millisecond (times: 2, 4, 6, 9); for decimals, digits after the point.
/// </summary>
internal static class BoundaryFunctions
{
    private const int DefaultDecimalPrecision = 8;

    public static void Register(Registrar add)
    {
        add("lowBoundary", 0, 1, c => Boundary(c, low: true));
        add("highBoundary", 0, 1, c => Boundary(c, low: false));
        add("precision", 0, 0, c => c.SingleInput() switch
        {
            null => [],
            DecimalValue d => [new IntegerValue(Numbers.Scale(d.Value))],
            IntegerValue => [new IntegerValue(0)],
            TemporalValue t => [new IntegerValue(Digits(t.Value.Precision, t.Value.IsTimeOnly))],
            var other => throw c.Error(FhirPathErrorCodes.TypeMismatch, $"precision() does not apply to {other.TypeName}"),
        });
    }

    private static IReadOnlyList<FhirPathValue> Boundary(FunctionCall c, bool low)
    {
        var value = c.SingleInput();
        var digits = c.ArgumentCount > 0 ? c.IntegerArgument(0) : null;
        switch (value)
        {
            case null:
                return [];
            case IntegerValue or DecimalValue:
                return DecimalBoundary(Numbers.ToDecimal(value), value is IntegerValue ? 0 : Numbers.Scale(Numbers.ToDecimal(value)), digits, low);
            case QuantityValue q:
                var number = DecimalBoundary(q.Value, Numbers.Scale(q.Value), digits, low);
                return number.Count == 1 ? [new QuantityValue(((DecimalValue)number[0]).Value, q.Unit, q.IsCalendar)] : [];
            case TemporalValue t:
                return TemporalBoundary(t, digits, low);
            default:
                throw c.Error(FhirPathErrorCodes.TypeMismatch, $"boundaries do not apply to {value.TypeName}");
        }
    }

    private static IReadOnlyList<FhirPathValue> DecimalBoundary(decimal value, int scale, long? digits, bool low)
    {
        var precision = digits ?? DefaultDecimalPrecision;
        if (precision is < 0 or > 28)
            return [];
        var half = 0.5m / Pow10(scale);
        var edge = low ? value - half : value + half;
        var factor = Pow10((int)precision);
        var scaled = edge * factor;
        // Truncate towards the boundary's side so the result stays inside the uncertainty interval.
        var rounded = (low ? Math.Floor(scaled) : Math.Ceiling(scaled)) / factor;
        if (precision > scale && scaled == decimal.Truncate(scaled))
            rounded = edge;
        // Written with exactly `precision` decimals (1.587.lowBoundary(8) is 1.58650000).
        return [new DecimalValue(decimal.Round(rounded, (int)precision) + new decimal(0, 0, 0, false, (byte)precision))];
    }

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
            result *= 10m;
        return result;
    }

    private static IReadOnlyList<FhirPathValue> TemporalBoundary(TemporalValue t, long? digits, bool low)
    {
        var v = t.Value;
        var target = digits is null ? DateTimePrecision.Millisecond : FromDigits((int)digits, v.IsTimeOnly);
        if (target is null)
            return [];
        var p = target.Value;
        if (t is DateValue && digits is null)
            p = DateTimePrecision.Day;
        var r = v;
        if (v.Precision < DateTimePrecision.Month) r = r with { Month = low ? 1 : 12 };
        if (v.Precision < DateTimePrecision.Day) r = r with { Day = low ? 1 : DateTime.DaysInMonth(r.Year, r.Month) };
        if (v.Precision < DateTimePrecision.Hour) r = r with { Hour = low ? 0 : 23 };
        if (v.Precision < DateTimePrecision.Minute) r = r with { Minute = low ? 0 : 59 };
        if (v.Precision < DateTimePrecision.Second) r = r with { Second = low ? 0 : 59 };
        if (v.Precision < DateTimePrecision.Millisecond) r = r with { Millisecond = low ? 0 : 999 };
        r = r with { Precision = p };
        // Without a zone the instant could be anywhere from UTC+14:00 to UTC-12:00.
        if (!v.IsTimeOnly && p >= DateTimePrecision.Hour && v.OffsetMinutes is null)
            r = r with { OffsetMinutes = low ? 14 * 60 : -12 * 60 };
        return t switch
        {
            DateValue when p <= DateTimePrecision.Day => [new DateValue(r)],
            TimeValue => [new TimeValue(r)],
            _ => [new DateTimeValue(r)],
        };
    }

    private static DateTimePrecision? FromDigits(int digits, bool timeOnly) => timeOnly
        ? digits switch { 2 => DateTimePrecision.Hour, 4 => DateTimePrecision.Minute, 6 => DateTimePrecision.Second, 9 => DateTimePrecision.Millisecond, _ => null }
        : digits switch
        {
            4 => DateTimePrecision.Year, 6 => DateTimePrecision.Month, 8 => DateTimePrecision.Day, 10 => DateTimePrecision.Hour,
            12 => DateTimePrecision.Minute, 14 => DateTimePrecision.Second, 17 => DateTimePrecision.Millisecond, _ => null,
        };

    private static int Digits(DateTimePrecision p, bool timeOnly) => timeOnly
        ? p switch { DateTimePrecision.Hour => 2, DateTimePrecision.Minute => 4, DateTimePrecision.Second => 6, _ => 9 }
        : p switch
        {
            DateTimePrecision.Year => 4, DateTimePrecision.Month => 6, DateTimePrecision.Day => 8, DateTimePrecision.Hour => 10,
            DateTimePrecision.Minute => 12, DateTimePrecision.Second => 14, _ => 17,
        };
}
