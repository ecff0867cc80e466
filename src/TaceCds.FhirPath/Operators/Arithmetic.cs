using TaceCds.FhirPath.Units;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Operators;

/// <summary>Math operators (FHIRPath N1, Math): + - * / div mod on numbers, quantities, strings and dates.</summary>
internal static class Arithmetic
{
    public static IReadOnlyList<FhirPathValue> Apply(string op, FhirPathValue a, FhirPathValue b, string text)
    {
        if (a is ElementValue || b is ElementValue)
            (a, b) = (ImplicitConversion.ToSystem(a), ImplicitConversion.ToSystem(b));
        try
        {
            return ApplyCore(op, a, b, text);
        }
        catch (OverflowException)
        {
            return []; // out-of-range results are empty rather than errors
        }
    }

    private static IReadOnlyList<FhirPathValue> ApplyCore(string op, FhirPathValue a, FhirPathValue b, string text)
    {
        switch (op, a, b)
        {
            case ("+", StringValue x, StringValue y):
                return [new StringValue(x.Value + y.Value)];
            case ("+" or "-", TemporalValue t, QuantityValue q):
                return DateArithmetic.Add(t, q, op == "-" ? -1 : 1, text);
            case ("+" or "-", QuantityValue x, QuantityValue y):
            {
                var converted = QuantityMath.ConvertTo(y, x.IsCalendar ? QuantityMath.CalendarToUcum(x.Unit) ?? x.Unit : x.Unit);
                if (x.IsCalendar && y.IsCalendar && x.Unit == y.Unit)
                    converted = y.Value;
                if (converted is not { } yv)
                    return [];
                return [new QuantityValue(op == "+" ? x.Value + yv : x.Value - yv, x.Unit, x.IsCalendar)];
            }
            case ("*" or "/", QuantityValue x, QuantityValue y):
                return QuantityMath.Multiply(x, y, op == "/") is { } product ? [product] : [];
            case ("*", QuantityValue x, IntegerValue or DecimalValue):
                return [new QuantityValue(x.Value * Numbers.ToDecimal(b), x.Unit, x.IsCalendar)];
            case ("*", IntegerValue or DecimalValue, QuantityValue y):
                return [new QuantityValue(y.Value * Numbers.ToDecimal(a), y.Unit, y.IsCalendar)];
            case ("/", QuantityValue x, IntegerValue or DecimalValue):
                return Numbers.ToDecimal(b) == 0 ? [] : [new QuantityValue(x.Value / Numbers.ToDecimal(b), x.Unit, x.IsCalendar)];
            case (_, IntegerValue x, IntegerValue y):
                return Integers(op, x.Value, y.Value);
            case (_, IntegerValue or DecimalValue, IntegerValue or DecimalValue):
                return Decimals(op, Numbers.ToDecimal(a), Numbers.ToDecimal(b));
            default:
                throw new FhirPathException(FhirPathErrorCodes.TypeMismatch,
                    $"operator '{op}' cannot be applied to {a.TypeName} and {b.TypeName}", subExpression: text);
        }
    }

    private static IReadOnlyList<FhirPathValue> Integers(string op, long x, long y) => op switch
    {
        "+" => Numbers.Integer(x + y),
        "-" => Numbers.Integer(x - y),
        "*" => Numbers.Integer(x * y),
        "/" => y == 0 ? [] : [new DecimalValue((decimal)x / y)],
        "div" => y == 0 ? [] : Numbers.Integer(x / y),
        "mod" => y == 0 ? [] : Numbers.Integer(x % y),
        _ => throw new InvalidOperationException(op),
    };

    private static IReadOnlyList<FhirPathValue> Decimals(string op, decimal x, decimal y) => op switch
    {
        "+" => [new DecimalValue(x + y)],
        "-" => [new DecimalValue(x - y)],
        "*" => [new DecimalValue(x * y)],
        "/" => y == 0 ? [] : [new DecimalValue(x / y)],
        "div" => y == 0 ? [] : Numbers.Integer((long)decimal.Truncate(x / y)),
        "mod" => y == 0 ? [] : [new DecimalValue(x % y)],
        _ => throw new InvalidOperationException(op),
    };
}
