using System.Text.Json;
using TaceCds.Fhir.Model;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;
using D = TaceCds.Fhir.Json.Readers.DataTypeReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>Builds the model element for a choice value of a given FHIR type.</summary>
internal static class ChoiceValueReader
{
    /// <summary>The element, or null for a valid R4 type the model does not hold (then it lives in Resource.Json only).</summary>
    public static Element? Read(JsonCursor c, JsonElement e, string typeName) => typeName switch
    {
        "boolean" => new FhirBoolean(P.ReadBoolean(c, e)),
        "integer" or "positiveInt" or "unsignedInt" => new FhirInteger(P.ReadInteger(c, e, typeName), typeName),
        "decimal" => new FhirDecimal(P.ReadDecimal(c, e)),
        "string" or "markdown" or "uri" or "url" or "canonical" or "oid" or "uuid" or "base64Binary" =>
            new FhirString(P.ReadString(c, e), typeName),
        "code" => new FhirString(P.ReadCode(c, e), typeName),
        "id" => new FhirString(P.ReadId(c, e), typeName),
        "date" or "dateTime" or "instant" => new FhirDateTimeValue(P.ReadDateTime(c, e, typeName), typeName),
        "time" => new FhirTime(P.ReadTime(c, e)),
        "Quantity" or "Age" or "Duration" or "Count" or "Distance" => D.ReadQuantity(c, e, typeName),
        "CodeableConcept" => D.ReadCodeableConcept(c, e),
        "Coding" => D.ReadCoding(c, e),
        "Range" => D.ReadRange(c, e),
        "Ratio" => D.ReadRatio(c, e),
        "Period" => D.ReadPeriod(c, e),
        "Reference" => D.ReadReference(c, e),
        "Identifier" => D.ReadIdentifier(c, e),
        "Annotation" => D.ReadAnnotation(c, e),
        "HumanName" => D.ReadHumanName(c, e),
        "Meta" => D.ReadMeta(c, e),
        _ => NotModelled(c, e),
    };

    // Every remaining R4 datatype is complex, so at least its JSON shape can be checked.
    private static Element? NotModelled(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        return null;
    }
}
