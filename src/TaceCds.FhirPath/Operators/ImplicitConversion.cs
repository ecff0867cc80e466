using System.Globalization;
using System.Text.Json;
using TaceCds.FhirPath.Model;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Operators;

/// <summary>
/// FHIR types that convert implicitly to System types in operators (FHIRPath N1 §4 / FHIR R4 "FHIRPath" section):
/// a FHIR Quantity (and Age, Duration...) behaves as a System Quantity, with the UCUM <c>code</c> as its unit.
/// </summary>
internal static class ImplicitConversion
{
    private const string Ucum = "http://unitsofmeasure.org";

    public static FhirPathValue ToSystem(FhirPathValue value)
    {
        if (value is not ElementValue { FhirType: { } type } element || !FhirTypeHierarchy.IsSubtypeOf(type, "Quantity"))
            return value;
        var json = element.Element;
        if (!json.TryGetProperty("value", out var v) || v.ValueKind != JsonValueKind.Number
            || !decimal.TryParse(v.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            return value;
        var system = json.TryGetProperty("system", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        string? unit = null;
        if (json.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && (system is null || system == Ucum))
            unit = code.GetString();
        if (unit is null && json.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String)
            unit = u.GetString();
        return new QuantityValue(amount, unit ?? "1", false);
    }
}
