using System.Text.Json;

namespace TaceCds.FhirPath.Values;

/// <summary>A JSON object: a FHIR resource or complex datatype (typed), or a plain fact-tree object (untyped).</summary>
public sealed class ElementValue : FhirPathValue
{
    public ElementValue(JsonElement element, string? fhirType)
    {
        Element = element;
        FhirType = fhirType;
    }

    public JsonElement Element { get; }

    /// <summary>Where this element's children are defined: its type name, or a backbone path like <c>Patient.contact</c>.</summary>
    internal string? DefinitionPath { get; init; }

    /// <summary>True for a FHIR primitive that has only an id/extension (<c>_given</c>) and no value.</summary>
    public bool IsValuelessPrimitive { get; init; }
    public override string TypeName => FhirType ?? "Object";
    public override void WriteJson(Utf8JsonWriter writer) => Element.WriteTo(writer);
    public override string ToString() => Element.GetRawText();
}
