using TaceCds.FhirPath.Units;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Operators;

/// <summary>Ordering for <c>&lt; &gt; &lt;= &gt;=</c> (FHIRPath N1, Comparison). Null means the result is empty.</summary>
internal static class Comparison
{
    public static int? Compare(FhirPathValue a, FhirPathValue b, string text)
    {
        if (a is ElementValue || b is ElementValue)
            (a, b) = (ImplicitConversion.ToSystem(a), ImplicitConversion.ToSystem(b));
        switch (a, b)
        {
            case (IntegerValue x, IntegerValue y):
                return x.Value.CompareTo(y.Value);
            case (IntegerValue or DecimalValue, IntegerValue or DecimalValue):
                return Numbers.ToDecimal(a).CompareTo(Numbers.ToDecimal(b));
            case (StringValue x, StringValue y):
                return string.CompareOrdinal(x.Value, y.Value) switch { < 0 => -1, > 0 => 1, _ => 0 };
            case (TemporalValue x, TemporalValue y) when x.Value.IsTimeOnly == y.Value.IsTimeOnly:
                return TemporalComparison.Compare(x.Value, y.Value);
            case (StringValue s, TemporalValue t):
                return Conversions.StringAs(s.Value, t) is { } ps ? TemporalComparison.Compare(ps.Value, t.Value) : throw Mismatch(a, b, text);
            case (TemporalValue t, StringValue s):
                return Conversions.StringAs(s.Value, t) is { } pt ? TemporalComparison.Compare(t.Value, pt.Value) : throw Mismatch(a, b, text);
            case (QuantityValue x, QuantityValue y):
                return QuantityMath.Compare(x, y);
            case (QuantityValue x, IntegerValue or DecimalValue):
                return x.Unit == "1" ? x.Value.CompareTo(Numbers.ToDecimal(b)) : throw Mismatch(a, b, text);
            case (IntegerValue or DecimalValue, QuantityValue y):
                return y.Unit == "1" ? Numbers.ToDecimal(a).CompareTo(y.Value) : throw Mismatch(a, b, text);
            default:
                throw Mismatch(a, b, text);
        }
    }

    private static FhirPathException Mismatch(FhirPathValue a, FhirPathValue b, string text) =>
        new(FhirPathErrorCodes.TypeMismatch, $"cannot compare {a.TypeName} with {b.TypeName}", subExpression: text);
}
