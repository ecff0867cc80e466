using System.Collections.Frozen;

namespace TaceCds.Fhir.Json;

/// <summary>
/// The R4 datatypes a choice element (<c>value[x]</c>, <c>effective[x]</c>, …) can take, keyed by the suffix
/// they appear with in JSON (<c>valueDateTime</c> → <c>dateTime</c>). Source: the open type list of
/// http://hl7.org/fhir/R4/datatypes.html#open. A suffix outside this table is not a choice value but an
/// unknown element (skipped, kept in Resource.Json).
/// </summary>
internal static class R4DataTypes
{
    private static readonly string[] Names =
    [
        // primitive types
        "base64Binary", "boolean", "canonical", "code", "date", "dateTime", "decimal", "id", "instant", "integer",
        "markdown", "oid", "positiveInt", "string", "time", "unsignedInt", "uri", "url", "uuid",
        // general-purpose and metadata types
        "Address", "Age", "Annotation", "Attachment", "CodeableConcept", "Coding", "ContactPoint", "Count", "Distance",
        "Duration", "HumanName", "Identifier", "Money", "Period", "Quantity", "Range", "Ratio", "Reference",
        "SampledData", "Signature", "Timing", "ContactDetail", "Contributor", "DataRequirement", "Expression",
        "ParameterDefinition", "RelatedArtifact", "TriggerDefinition", "UsageContext", "Dosage", "Meta",
    ];

    /// <summary>JSON suffix (first letter upper-cased) → FHIR type name.</summary>
    public static FrozenDictionary<string, string> BySuffix { get; } =
        Names.ToFrozenDictionary(n => char.ToUpperInvariant(n[0]) + n[1..], n => n, StringComparer.Ordinal);

    /// <summary>The JSON property name of a choice element holding a value of this type.</summary>
    public static string PropertyName(string prefix, string fhirTypeName) =>
        prefix + char.ToUpperInvariant(fhirTypeName[0]) + fhirTypeName[1..];
}
