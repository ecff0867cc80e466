using TaceCds.FhirPath.Operators;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>FHIRPath N1 §5.7 Math. Results outside the Decimal range, or undefined (sqrt(-1)), are empty.</summary>
internal static class MathFunctions
{
    public static void Register(Registrar add)
    {
        add("abs", 0, 0, c => Num(c, v => v switch
        {
            IntegerValue i => Numbers.Integer(Math.Abs(i.Value)),
            QuantityValue q => [new QuantityValue(Math.Abs(q.Value), q.Unit, q.IsCalendar)],
            _ => Dec(Math.Abs(Numbers.ToDecimal(v))),
        }));
        add("ceiling", 0, 0, c => Num(c, v => Numbers.Integer((long)Math.Ceiling(Numbers.ToDecimal(v)))));
        add("floor", 0, 0, c => Num(c, v => Numbers.Integer((long)Math.Floor(Numbers.ToDecimal(v)))));
        add("truncate", 0, 0, c => Num(c, v => Numbers.Integer((long)decimal.Truncate(Numbers.ToDecimal(v)))));
        add("exp", 0, 0, c => Num(c, v => Dbl(Math.Exp((double)Numbers.ToDecimal(v)))));
        add("ln", 0, 0, c => Num(c, v => Dbl(Math.Log((double)Numbers.ToDecimal(v)))));
        add("sqrt", 0, 0, c => Num(c, v => Dbl(Math.Sqrt((double)Numbers.ToDecimal(v)))));
        add("log", 1, 1, c => Num(c, v => c.SingleArgument(0) is { } b && Numbers.IsNumber(b)
            ? Dbl(Math.Log((double)Numbers.ToDecimal(v), (double)Numbers.ToDecimal(b)))
            : []));
        add("power", 1, 1, c => Num(c, v => c.SingleArgument(0) is { } e && Numbers.IsNumber(e) ? Power(v, e) : []));
        add("round", 0, 1, c => Num(c, v =>
        {
            var digits = c.ArgumentCount > 0 ? c.IntegerArgument(0) ?? 0 : 0;
            if (digits is < 0 or > 28)
                throw c.Error(FhirPathErrorCodes.InvalidArgument, "round() precision must be between 0 and 28");
            return Dec(Math.Round(Numbers.ToDecimal(v), (int)digits, MidpointRounding.AwayFromZero));
        }));
    }

    private static IReadOnlyList<FhirPathValue> Num(FunctionCall c, Func<FhirPathValue, IReadOnlyList<FhirPathValue>> body)
    {
        var v = c.SingleInput();
        if (v is null)
            return [];
        if (!Numbers.IsNumber(v) && v is not QuantityValue)
            throw c.Error(FhirPathErrorCodes.TypeMismatch, $"expected a number but found {v.TypeName}");
        try
        {
            return body(v);
        }
        catch (OverflowException)
        {
            return [];
        }
    }

    private static IReadOnlyList<FhirPathValue> Dec(decimal d) => [new DecimalValue(d)];

    private static IReadOnlyList<FhirPathValue> Dbl(double d) =>
        double.IsFinite(d) && Math.Abs(d) < 7.9e28 ? [new DecimalValue((decimal)d)] : [];

    private static IReadOnlyList<FhirPathValue> Power(FhirPathValue v, FhirPathValue e)
    {
        if (v is IntegerValue b && e is IntegerValue x && x.Value >= 0)
        {
            // Exponentiation by squaring: O(log n) steps, so 1.power(2000000000) cannot spin.
            long result = 1, factor = b.Value, exponent = x.Value;
            while (exponent > 0)
            {
                if ((exponent & 1) == 1)
                    result = checked(result * factor);
                exponent >>= 1;
                if (exponent > 0)
                    factor = Math.Abs(factor) > int.MaxValue ? throw new OverflowException() : factor * factor;
                if (result is > int.MaxValue or < int.MinValue)
                    return [];
            }
            return Numbers.Integer(result);
        }
        return Dbl(Math.Pow((double)Numbers.ToDecimal(v), (double)Numbers.ToDecimal(e)));
    }
}
