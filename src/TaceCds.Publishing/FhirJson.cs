using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace TaceCds.Publishing;

/// <summary>
/// The Firely SDK's System.Text.Json serializer for R4 POCOs: everything this project publishes is written (and, in tests,
/// read back) through it, so the output is what the SDK considers valid FHIR JSON. The options are built once: building
/// them walks the whole R4 model by reflection (seconds; <see cref="FhirJsonWriter"/> is the lean one for hot paths).
/// </summary>
public static class FhirJson
{
    private static readonly Lazy<JsonSerializerOptions> PrettyOptions = new(() => new JsonSerializerOptions().ForFhir().Pretty());
    private static readonly Lazy<JsonSerializerOptions> CompactOptions = new(() => new JsonSerializerOptions().ForFhir());

    public static string Serialize(Resource resource, bool indented = true) =>
        JsonSerializer.Serialize(resource, indented ? PrettyOptions.Value : CompactOptions.Value);

    /// <summary>Parses FHIR JSON into a POCO; throws <see cref="DeserializationFailedException"/> on invalid content.</summary>
    public static T Parse<T>(string json) where T : Resource => JsonSerializer.Deserialize<T>(json, CompactOptions.Value)!;
}
