using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification;

namespace TaceCds.Publishing;

/// <summary>
/// The Firely serializer restricted to the resource types a caller writes. <see cref="FhirJson"/>'s options inspect the
/// whole R4 model by reflection on first use (1.9–4.8 s cold on the shared 2-core machine, docs/performance.md); an
/// inspector that imports only the types written (and what they contain) is ready in 0.3–0.6 s and writes the same JSON.
/// The CDS Hooks suggestions and <c>evaluate --format fhir</c> use one; built once, on first use, thread-safe.
/// </summary>
public sealed class FhirJsonWriter
{
    private readonly Lazy<(JsonSerializerOptions Pretty, JsonSerializerOptions Compact)> _options;

    public FhirJsonWriter(params Type[] resourceTypes)
    {
        _options = new(() =>
        {
            var inspector = new ModelInspector(FhirRelease.R4);
            foreach (var type in resourceTypes) inspector.ImportType(type);
            return (new JsonSerializerOptions().ForFhir(inspector).Pretty(), new JsonSerializerOptions().ForFhir(inspector));
        });
    }

    public string Serialize(Resource resource, bool indented = true) =>
        JsonSerializer.Serialize(resource, indented ? _options.Value.Pretty : _options.Value.Compact);

    public JsonObject ToNode(Resource resource) => JsonSerializer.SerializeToNode(resource, _options.Value.Compact)!.AsObject();

    /// <summary>Builds the serializer now (e.g. on a background thread at start-up) so the first call does not pay for it.</summary>
    public void Prepare() => _ = _options.Value;
}
