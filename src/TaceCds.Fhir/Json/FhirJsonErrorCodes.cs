namespace TaceCds.Fhir.Json;

/// <summary>
/// Stable codes of <see cref="FhirFormatException"/>. Callers and tests match on these, never on messages;
/// docs/fhir-input.md lists them. A code is never reused for another meaning.
/// </summary>
public static class FhirJsonErrorCodes
{
    /// <summary>Not well-formed JSON (syntax, truncated input, trailing data, nesting deeper than MaxDepth).</summary>
    public const string MalformedJson = "JSON101";
    /// <summary>resourceType is not an R4 resource type, or not the type the caller asked for.</summary>
    public const string WrongResourceType = "JSON102";
    /// <summary>A known element has the wrong JSON type (string for an object, object for an array, …).</summary>
    public const string WrongJsonType = "JSON103";
    /// <summary>The resource is not a JSON object, or has no string resourceType.</summary>
    public const string MissingResourceType = "JSON104";
    /// <summary>A primitive has the right JSON type but an invalid value (bad date, fraction in an integer, …).</summary>
    public const string InvalidPrimitive = "JSON105";
    /// <summary>The input exceeds a configured size bound (file size, NDJSON line length).</summary>
    public const string InputTooLarge = "JSON106";
    /// <summary>Two values for one choice element (e.g. valueQuantity and valueString).</summary>
    public const string DuplicateChoice = "JSON107";
    /// <summary>An element FHIR requires (e.g. Extension.url, Bundle.entry.request.method) is missing.</summary>
    public const string MissingRequiredElement = "JSON108";
}
