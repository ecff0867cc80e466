using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Operators;

internal static class Numbers
{
    public static bool IsNumber(FhirPathValue v) => v is IntegerValue or DecimalValue;

    public static decimal ToDecimal(FhirPathValue v) => v switch
    {
        IntegerValue i => i.Value,
        DecimalValue d => d.Value,
        _ => throw new InvalidOperationException("not a number"),
    };

    /// <summary>Digits after the decimal point as written (1.50 has scale 2).</summary>
    public static int Scale(decimal d) => (decimal.GetBits(d)[3] >> 16) & 0xFF;

    /// <summary>An Integer result when it fits the 32-bit FHIRPath Integer, else empty (overflow).</summary>
    public static IReadOnlyList<FhirPathValue> Integer(long value) =>
        value is >= int.MinValue and <= int.MaxValue ? [new IntegerValue(value)] : [];
}
