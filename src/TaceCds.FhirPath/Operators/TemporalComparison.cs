using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Operators;

/// <summary>
/// Ordering of partial dates and times (FHIRPath N1, Comparison): compare component by component down to the
/// coarser precision; if all equal but the precisions differ, the result is unknown (null). Seconds and
/// milliseconds count as one precision. Values with a time and a zone are compared in UTC; no zone is taken as UTC.
/// </summary>
internal static class TemporalComparison
{
    public static int? Compare(PartialDateTime a, PartialDateTime b)
    {
        if (a.IsTimeOnly != b.IsTimeOnly)
            return null;
        // A time with a zone and one without cannot be ordered (FHIRPath N1 equality of DateTime: "unknown").
        if (!a.IsTimeOnly && a.Precision >= DateTimePrecision.Hour && b.Precision >= DateTimePrecision.Hour
            && (a.OffsetMinutes is null) != (b.OffsetMinutes is null))
            return null;
        var na = Normalize(a, b);
        var nb = Normalize(b, a);
        var pa = Merge(na.Precision);
        var pb = Merge(nb.Precision);
        var min = (DateTimePrecision)Math.Min((int)pa, (int)pb);
        var first = a.IsTimeOnly ? DateTimePrecision.Hour : DateTimePrecision.Year;
        for (var p = first; p <= min; p++)
        {
            var c = Component(na, p).CompareTo(Component(nb, p));
            if (c != 0)
                return c;
        }
        return pa == pb ? 0 : null;
    }

    private static DateTimePrecision Merge(DateTimePrecision p) => p == DateTimePrecision.Millisecond ? DateTimePrecision.Second : p;

    private static int Component(PartialDateTime v, DateTimePrecision p) => p switch
    {
        DateTimePrecision.Year => v.Year,
        DateTimePrecision.Month => v.Month,
        DateTimePrecision.Day => v.Day,
        DateTimePrecision.Hour => v.Hour,
        DateTimePrecision.Minute => v.Minute,
        _ => v.Second * 1000 + v.Millisecond,
    };

    /// <summary>Shifts a date-time with a time part to UTC when either side carries a zone.</summary>
    private static PartialDateTime Normalize(PartialDateTime v, PartialDateTime other)
    {
        if (v.IsTimeOnly || v.Precision < DateTimePrecision.Hour || (v.OffsetMinutes is null && other.OffsetMinutes is null))
            return v;
        var utc = v.ToUtcDateTime();
        return PartialDateTime.FromDateTime(utc, v.Precision, 0);
    }
}
