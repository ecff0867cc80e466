using TaceCds.FhirPath.Operators;
using TaceCds.FhirPath.Units;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>FHIRPath N1 §5.5 Conversion, including <c>iif</c>.</summary>
internal static class ConversionFunctions
{
    public static void Register(Registrar add)
    {
        add("iif", 2, 3, Iif);
        Pair(add, "Boolean", v => Conversions.ToBoolean(v));
        Pair(add, "Integer", v => Conversions.ToInteger(v));
        Pair(add, "Decimal", v => Conversions.ToDecimal(v));
        Pair(add, "String", v => Conversions.ToStringValue(v));
        Pair(add, "Date", ToDate);
        Pair(add, "DateTime", ToDateTime);
        Pair(add, "Time", v => Conversions.ToTime(v));
        add("toQuantity", 0, 1, c => c.SingleInput() is { } v && ToQuantity(c, v) is { } q ? [q] : []);
        add("convertsToQuantity", 0, 1, c => c.SingleInput() is { } v ? ExistenceFunctions.Bool(ToQuantity(c, v) is not null) : []);
    }

    private static void Pair(Registrar add, string type, Func<FhirPathValue, FhirPathValue?> convert)
    {
        add("to" + type, 0, 0, c => c.SingleInput() is { } v && convert(v) is { } result ? [result] : []);
        add("convertsTo" + type, 0, 0, c => c.SingleInput() is { } v ? ExistenceFunctions.Bool(convert(v) is not null) : []);
    }

    private static FhirPathValue? ToDate(FhirPathValue v) => v switch
    {
        DateValue d => d,
        DateTimeValue dt => new DateValue(dt.Value with
        {
            Precision = dt.Value.Precision > DateTimePrecision.Day ? DateTimePrecision.Day : dt.Value.Precision,
            Hour = 0, Minute = 0, Second = 0, Millisecond = 0, OffsetMinutes = null,
        }),
        StringValue s => Conversions.ToDate(s.Value) ?? (Conversions.ToDateTime(s.Value) is { } parsed ? ToDate(parsed) : null),
        _ => null,
    };

    private static FhirPathValue? ToDateTime(FhirPathValue v) => v switch
    {
        DateTimeValue dt => dt,
        DateValue d => new DateTimeValue(d.Value),
        StringValue s => Conversions.ToDateTime(s.Value),
        _ => null,
    };

    private static QuantityValue? ToQuantity(FunctionCall c, FhirPathValue v)
    {
        var quantity = Conversions.ToQuantity(v);
        if (quantity is null || c.ArgumentCount == 0 || c.StringArgument(0) is not { } unit)
            return quantity;
        return QuantityMath.ConvertTo(quantity, unit) is { } converted ? new QuantityValue(converted, unit, false) : null;
    }

    private static IReadOnlyList<FhirPathValue> Iif(FunctionCall c)
    {
        // The criterion and branches see the input item as $this when iif is invoked on one (('x').iif($this = 'x', ...)).
        var scope = c.Scope;
        var focus = c.Scope.This;
        if (c.Input.Count > 1 && c.HasTarget)
            throw c.Error(FhirPathErrorCodes.SingletonExpected, "iif() can only be invoked on a single item");
        if (c.Input.Count == 1 && c.HasTarget)
        {
            scope = c.Scope.ForItem(c.Input[0], 0);
            focus = c.Input;
        }
        var criterion = c.ArgumentIn(0, scope, focus);
        if (criterion.Count > 1 || (criterion.Count == 1 && criterion[0] is not BooleanValue))
            throw c.Error(FhirPathErrorCodes.TypeMismatch, "iif() criterion must be a single Boolean");
        if (criterion.Count == 1 && ((BooleanValue)criterion[0]).Value)
            return c.ArgumentIn(1, scope, focus);
        return c.ArgumentCount > 2 ? c.ArgumentIn(2, scope, focus) : [];
    }
}
