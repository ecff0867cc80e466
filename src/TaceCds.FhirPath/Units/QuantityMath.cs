using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Units;

/// <summary>Comparison and arithmetic between quantities, converting UCUM units and calendar durations.</summary>
internal static class QuantityMath
{
    /// <summary>Calendar keywords with a fixed length map to UCUM; year and month do not (FHIRPath N1, Quantity equality).</summary>
    public static string? CalendarToUcum(string calendarUnit) => calendarUnit switch
    {
        "week" => "wk",
        "day" => "d",
        "hour" => "h",
        "minute" => "min",
        "second" => "s",
        "millisecond" => "ms",
        _ => null,
    };

    /// <summary>Compares two quantities; null when their units cannot be compared.</summary>
    public static int? Compare(QuantityValue a, QuantityValue b)
    {
        if (a.IsCalendar == b.IsCalendar && a.Unit == b.Unit)
            return a.Value.CompareTo(b.Value);
        if (a.IsCalendar && b.IsCalendar && MonthsOf(a) is { } ma && MonthsOf(b) is { } mb)
            return ma.CompareTo(mb);
        var ua = a.IsCalendar ? CalendarToUcum(a.Unit) : a.Unit;
        var ub = b.IsCalendar ? CalendarToUcum(b.Unit) : b.Unit;
        if (ua is null || ub is null)
            return null;
        if (ua == ub)
            return a.Value.CompareTo(b.Value);
        var (ca, cb) = (Canonical(a.Value, ua), Canonical(b.Value, ub));
        if (ca is null || cb is null || ca.Value.Dims != cb.Value.Dims)
            return null;
        return ca.Value.Value.CompareTo(cb.Value.Value);
    }

    /// <summary>Converts <paramref name="q"/> into <paramref name="targetUnit"/> (UCUM), or null.</summary>
    public static decimal? ConvertTo(QuantityValue q, string targetUnit)
    {
        var unit = q.IsCalendar ? CalendarToUcum(q.Unit) : q.Unit;
        if (unit is null)
            return null;
        if (unit == targetUnit)
            return q.Value;
        var from = UcumUnit.Parse(unit);
        var to = UcumUnit.Parse(targetUnit);
        if (from is null || to is null || from.Dimensions != to.Dimensions)
            return null;
        return q.Value * from.Factor / to.Factor;
    }

    public static QuantityValue? Multiply(QuantityValue a, QuantityValue b, bool divide)
    {
        var ua = a.IsCalendar ? CalendarToUcum(a.Unit) : a.Unit;
        var ub = b.IsCalendar ? CalendarToUcum(b.Unit) : b.Unit;
        if (ua is null || ub is null || (divide && b.Value == 0))
            return null;
        var value = divide ? a.Value / b.Value : a.Value * b.Value;
        string unit;
        if (divide)
            unit = ua == ub ? "1" : ub == "1" ? ua : (ua == "1" ? "" : Group(ua)) + "/" + Group(ub);
        else
            unit = ua == "1" ? ub : ub == "1" ? ua : Group(ua) + "." + Group(ub);
        return new QuantityValue(value, unit, false);
    }

    private static string Group(string unit) => unit.Contains('/') || unit.Contains('.') ? "(" + unit + ")" : unit;

    private static decimal? MonthsOf(QuantityValue q) => q.Unit switch
    {
        "year" => q.Value * 12,
        "month" => q.Value,
        _ => null,
    };

    private static (decimal Value, Dimensions Dims)? Canonical(decimal value, string unit) =>
        UcumUnit.Parse(unit) is { } u ? (value * u.Factor, u.Dimensions) : null;
}
