using System.Text.Json;

namespace TaceCds.FhirPath.Values;

/// <summary>
/// One item of a FHIRPath collection. System values (Boolean, String, Integer, Decimal, Date, DateTime, Time,
/// Quantity) may carry the FHIR primitive type they were read as (<see cref="FhirType"/>, e.g. <c>code</c>)
/// and the primitive's extension object (the <c>_name</c> sibling in FHIR JSON).
/// </summary>
public abstract class FhirPathValue
{
    private protected FhirPathValue() { }

    /// <summary>The System type name (Boolean, String, ...) or, for a JSON object, its FHIR type if known.</summary>
    public abstract string TypeName { get; }

    /// <summary>The FHIR type this value was read as (e.g. <c>code</c>, <c>date</c>, <c>HumanName</c>); null for literals and untyped JSON.</summary>
    public string? FhirType { get; init; }

    /// <summary>The FHIR JSON primitive extension element (<c>{"id":..,"extension":[..]}</c>), if any.</summary>
    public JsonElement? PrimitiveElement { get; init; }

    /// <summary>Writes the value as JSON: numbers, strings, booleans; temporal values and quantities as strings.</summary>
    public abstract void WriteJson(Utf8JsonWriter writer);

    /// <summary>The FHIRPath string form (what <c>toString()</c> returns).</summary>
    public abstract override string ToString();
}
