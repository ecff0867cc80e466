using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Operators;

/// <summary>
/// Date/time plus or minus a time-valued quantity (FHIRPath N1, Date/Time Arithmetic). Calendar keywords and the
/// UCUM codes wk, d, h, min, s, ms are accepted; UCUM a and mo are not (they are not calendar-exact). For units of
/// a second and above the decimal part of the quantity is ignored (as fhirpath.js does: + 0.1 's' changes nothing);
/// a unit finer than the value's precision is converted to it.
/// </summary>
internal static class DateArithmetic
{
    public static IReadOnlyList<FhirPathValue> Add(TemporalValue value, QuantityValue quantity, int sign, string text)
    {
        var unit = quantity.IsCalendar ? quantity.Unit : quantity.Unit switch
        {
            "year" or "years" or "month" or "months" or "week" or "weeks" or "day" or "days" or "hour" or "hours"
                or "minute" or "minutes" or "second" or "seconds" or "millisecond" or "milliseconds" => quantity.Unit.TrimEnd('s'),
            "wk" => "week",
            "d" => "day",
            "h" => "hour",
            "min" => "minute",
            "s" => "second",
            "ms" => "millisecond",
            _ => throw new FhirPathException(FhirPathErrorCodes.IncompatibleUnits,
                $"cannot add a quantity in '{quantity.Unit}' to a {value.TypeName}", subExpression: text),
        };
        var v = value.Value;
        if (v.IsTimeOnly && unit is "year" or "month" or "week" or "day")
            throw new FhirPathException(FhirPathErrorCodes.IncompatibleUnits, $"cannot add {unit}s to a Time", subExpression: text);
        var amount = quantity.Value * sign;
        var start = new DateTime(v.Year, v.Month, v.Day, v.Hour, v.Minute, v.Second, v.Millisecond, DateTimeKind.Unspecified);
        DateTime result;
        try
        {
            result = unit switch
            {
                "year" => start.AddYears(Whole(amount)),
                "month" => AddMonths(start, v.Precision, Whole(amount)),
                _ => AddDuration(start, v.Precision, unit, amount),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return [];
        }
        if (v.IsTimeOnly)
            result = new DateTime(1, 1, 1, result.Hour, result.Minute, result.Second, result.Millisecond);
        var shifted = PartialDateTime.FromDateTime(result, v.Precision, v.OffsetMinutes, v.IsTimeOnly);
        return value switch
        {
            DateValue => [new DateValue(shifted)],
            TimeValue => [new TimeValue(shifted)],
            _ => [new DateTimeValue(shifted)],
        };
    }

    private static int Whole(decimal amount) => (int)decimal.Truncate(amount);

    private static DateTime AddMonths(DateTime start, DateTimePrecision precision, int months) =>
        precision == DateTimePrecision.Year ? start.AddYears(months / 12) : start.AddMonths(months);

    private static DateTime AddDuration(DateTime start, DateTimePrecision precision, string unit, decimal amount)
    {
        var milliseconds = unit switch
        {
            "week" => Whole(amount) * 604_800_000m,
            "day" => Whole(amount) * 86_400_000m,
            "hour" => Whole(amount) * 3_600_000m,
            "minute" => Whole(amount) * 60_000m,
            "second" => Whole(amount) * 1000m,
            _ => decimal.Truncate(amount),
        };
        // Keep the result at the value's precision: @2014-01-01 + 25 hours is one day later.
        var step = precision switch
        {
            DateTimePrecision.Year or DateTimePrecision.Month or DateTimePrecision.Day => 86_400_000m,
            DateTimePrecision.Hour => 3_600_000m,
            DateTimePrecision.Minute => 60_000m,
            DateTimePrecision.Second => 1000m,
            _ => 1m,
        };
        milliseconds = decimal.Truncate(milliseconds / step) * step;
        if (precision < DateTimePrecision.Day)
        {
            var days = (int)(milliseconds / 86_400_000m);
            return precision == DateTimePrecision.Month ? start.AddMonths(days / 30) : start.AddYears(days / 365);
        }
        return start.AddMilliseconds((double)milliseconds);
    }
}
