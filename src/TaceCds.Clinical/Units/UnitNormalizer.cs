using TaceCds.Clinical.Codes;
using TaceCds.Fhir.Model;
using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Units;

/// <summary>A quantity in the canonical unit of its kind.</summary>
public readonly record struct NormalizedQuantity(decimal Value, string Unit, string? OriginalUnit);

public static class UnitNormalizer
{
    /// <summary>
    /// Converts a Quantity to the canonical unit of <paramref name="kind"/>. Returns false with a reason when the
    /// unit is not one we know for that kind, the system is not UCUM, or there is no value.
    /// </summary>
    public static bool TryNormalize(FactKind kind, Quantity quantity, out NormalizedQuantity result, out string? problem)
    {
        result = default;
        problem = null;
        var rule = UnitCatalog.For(kind);
        if (rule is null) { problem = $"no unit rule for {kind}"; return false; }
        if (quantity.Value is not { } value) { problem = "the quantity has no value"; return false; }
        if (quantity.System is { } system && system != CodeSystems.Ucum && !string.IsNullOrEmpty(quantity.Code))
        {
            problem = $"unit system '{system}' is not UCUM";
            return false;
        }
        var ucum = UnitCatalog.UcumCodeOf(quantity.Code, quantity.Unit);
        if (ucum is null)
        {
            if (!rule.UnitlessAllowed) { problem = "the quantity has no unit"; return false; }
            result = new NormalizedQuantity(WithoutTrailingZeros(value), rule.Canonical, null);
            return true;
        }
        if (!rule.Factors.TryGetValue(ucum, out var factor))
        {
            problem = $"unit '{ucum}' is not accepted for {kind} (accepted: {string.Join(", ", rule.Factors.Keys)})";
            return false;
        }
        result = new NormalizedQuantity(WithoutTrailingZeros(value * factor), rule.Canonical, ucum);
        return true;
    }

    /// <summary>
    /// 62.0 and 62 are one value: FHIR servers re-serialise decimals differently, and the same record must give the same
    /// facts, cards and report whichever server it came from (clinical precision is not carried by trailing zeros here).
    /// </summary>
    public static decimal WithoutTrailingZeros(decimal value) => value / 1.000000000000000000000000000000000m;
}
