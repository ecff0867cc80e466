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

    private int _underscoreKeys; // 0 unknown, 1 no, 2 maybe

    /// <summary>
    /// False when no key of this object (or anything inside it) starts with '_', so no primitive extension lookups are
    /// needed. Checked on the raw text of small objects only; larger ones always answer true.
    /// </summary>
    internal bool MayHaveUnderscoreKeys
    {
        get
        {
            if (_underscoreKeys == 0)
            {
                var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(Element);
                _underscoreKeys = raw.Length <= 2048 && raw.IndexOf("\"_"u8) < 0 ? 1 : 2;
            }
            return _underscoreKeys == 2;
        }
    }

    /// <summary>True for a FHIR primitive that has only an id/extension (<c>_given</c>) and no value.</summary>
    public bool IsValuelessPrimitive { get; init; }
    public override string TypeName => FhirType ?? "Object";
    public override void WriteJson(Utf8JsonWriter writer) => Element.WriteTo(writer);
    public override string ToString() => Element.GetRawText();
}
