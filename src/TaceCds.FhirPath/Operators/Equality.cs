using System.Text.Json;
using TaceCds.FhirPath.Units;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Operators;

/// <summary>FHIRPath equality (<c>=</c>, null when unknown) and equivalence (<c>~</c>), item and collection level.</summary>
internal static class Equality
{
    public static bool? CollectionsEqual(IReadOnlyList<FhirPathValue> left, IReadOnlyList<FhirPathValue> right)
    {
        if (left.Count == 0 || right.Count == 0)
            return null;
        if (left.Count != right.Count)
            return false;
        var unknown = false;
        for (var i = 0; i < left.Count; i++)
        {
            var eq = AreEqual(left[i], right[i]);
            if (eq == false)
                return false;
            if (eq is null)
                unknown = true;
        }
        return unknown ? null : true;
    }

    public static bool CollectionsEquivalent(IReadOnlyList<FhirPathValue> left, IReadOnlyList<FhirPathValue> right)
    {
        if (left.Count != right.Count)
            return false;
        var used = new bool[right.Count];
        for (var iL = 0; iL < left.Count; iL++)
        {
            var l = left[iL];
            var found = false;
            for (var j = 0; j < right.Count && !found; j++)
            {
                if (!used[j] && AreEquivalent(l, right[j]))
                {
                    used[j] = true;
                    found = true;
                }
            }
            if (!found)
                return false;
        }
        return true;
    }

    public static bool? AreEqual(FhirPathValue a, FhirPathValue b)
    {
        if (a is StringValue sa && b is StringValue sb)
            return StringValue.ValueEquals(sa, sb);
        if (a is ElementValue || b is ElementValue)
            (a, b) = (ImplicitConversion.ToSystem(a), ImplicitConversion.ToSystem(b));
        switch (a, b)
        {
            case (StringValue x, StringValue y):
                return StringValue.ValueEquals(x, y);
            case (BooleanValue x, BooleanValue y):
                return x.Value == y.Value;
            case (IntegerValue x, IntegerValue y):
                return x.Value == y.Value;
            case (IntegerValue or DecimalValue, IntegerValue or DecimalValue):
                return Numbers.ToDecimal(a) == Numbers.ToDecimal(b);
            case (QuantityValue x, QuantityValue y):
                return QuantityMath.Compare(x, y) is { } c ? c == 0 : null;
            case (QuantityValue x, IntegerValue or DecimalValue):
                return x.Unit == "1" && !x.IsCalendar ? x.Value == Numbers.ToDecimal(b) : false;
            case (IntegerValue or DecimalValue, QuantityValue y):
                return y.Unit == "1" && !y.IsCalendar ? y.Value == Numbers.ToDecimal(a) : false;
            case (TemporalValue x, TemporalValue y):
                return TemporalComparison.Compare(x.Value, y.Value) is { } order ? order == 0 : (x.Value.IsTimeOnly == y.Value.IsTimeOnly ? null : false);
            case (StringValue s, TemporalValue tv):
                return Conversions.StringAs(s.Value, tv) is { } parsed ? AreEqual(parsed, tv) : false;
            case (TemporalValue tv, StringValue s):
                return Conversions.StringAs(s.Value, tv) is { } parsed2 ? AreEqual(tv, parsed2) : false;
            case (ElementValue x, ElementValue y):
                if (x.IsValuelessPrimitive || y.IsValuelessPrimitive)
                    return null;
                return JsonEquals(x.Element, y.Element);
            case (TypeInfoValue x, TypeInfoValue y):
                return x.Namespace == y.Namespace && x.Name == y.Name;
            default:
                return false;
        }
    }

    public static bool AreEquivalent(FhirPathValue a, FhirPathValue b)
    {
        if (a is ElementValue || b is ElementValue)
            (a, b) = (ImplicitConversion.ToSystem(a), ImplicitConversion.ToSystem(b));
        switch (a, b)
        {
            case (StringValue x, StringValue y):
                return string.Equals(NormalizeWhitespace(x.Value), NormalizeWhitespace(y.Value), StringComparison.OrdinalIgnoreCase);
            case (IntegerValue or DecimalValue, IntegerValue or DecimalValue):
            {
                var (x, y) = (Numbers.ToDecimal(a), Numbers.ToDecimal(b));
                var scale = Math.Min(Numbers.Scale(x), Numbers.Scale(y));
                return Math.Round(x, scale, MidpointRounding.AwayFromZero) == Math.Round(y, scale, MidpointRounding.AwayFromZero);
            }
            case (TemporalValue x, TemporalValue y):
                return TemporalComparison.Compare(x.Value, y.Value) == 0;
            case (QuantityValue x, QuantityValue y):
                return QuantityMath.Compare(x, y) == 0;
            default:
                return AreEqual(a, b) == true;
        }
    }

    /// <summary>Every whitespace character counts as a space (N1: "all whitespace characters are treated as equivalent"); runs are not collapsed, as in fhirpath.js.</summary>
    private static string NormalizeWhitespace(string s) => string.Create(s.Length, s, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
            span[i] = char.IsWhiteSpace(source[i]) ? ' ' : source[i];
    });

    /// <summary>Structural JSON equality (object member order ignored; numbers compared by value).</summary>
    public static bool JsonEquals(JsonElement x, JsonElement y)
    {
        if (x.ValueKind != y.ValueKind)
            return false;
        switch (x.ValueKind)
        {
            case JsonValueKind.Object:
            {
                var count = 0;
                foreach (var p in x.EnumerateObject())
                {
                    count++;
                    if (!y.TryGetProperty(p.Name, out var other) || !JsonEquals(p.Value, other))
                        return false;
                }
                foreach (var _ in y.EnumerateObject())
                    count--;
                return count == 0;
            }
            case JsonValueKind.Array:
            {
                if (x.GetArrayLength() != y.GetArrayLength())
                    return false;
                for (var i = 0; i < x.GetArrayLength(); i++)
                {
                    if (!JsonEquals(x[i], y[i]))
                        return false;
                }
                return true;
            }
            case JsonValueKind.Number:
                return x.TryGetDecimal(out var dx) && y.TryGetDecimal(out var dy) ? dx == dy : x.GetRawText() == y.GetRawText();
            case JsonValueKind.String:
                return x.GetString() == y.GetString();
            default:
                return true;
        }
    }
}
