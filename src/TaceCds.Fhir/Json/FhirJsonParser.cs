using System.Text;
using System.Text.Json;
using TaceCds.Fhir.Json.Readers;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Json;

/// <summary>
/// Reads FHIR R4 JSON into the model. Every resource keeps its JSON in <see cref="Resource.Json"/> (owned, nothing to
/// dispose). Unknown elements and <c>_element</c> primitive extensions are skipped; errors are
/// <see cref="FhirFormatException"/> with a stable code and the JSON path (docs/fhir-input.md).
/// </summary>
public sealed class FhirJsonParser(FhirJsonParserOptions? options = null)
{
    public static FhirJsonParser Default { get; } = new();

    /// <summary>A parser that drops bad elements (<see cref="FhirJsonParserOptions.DropBadElements"/>) instead of failing the resource.</summary>
    public static FhirJsonParser Recovering { get; } = new(FhirJsonParserOptions.Recovering);

    private static readonly Dictionary<Type, string> ModelledTypeNames = new()
    {
        [typeof(Patient)] = "Patient", [typeof(Observation)] = "Observation", [typeof(Procedure)] = "Procedure",
        [typeof(ImagingStudy)] = "ImagingStudy", [typeof(BodyStructure)] = "BodyStructure", [typeof(Condition)] = "Condition",
        [typeof(MedicationStatement)] = "MedicationStatement", [typeof(MedicationRequest)] = "MedicationRequest",
        [typeof(MedicationAdministration)] = "MedicationAdministration", [typeof(ServiceRequest)] = "ServiceRequest",
        [typeof(OperationOutcome)] = "OperationOutcome", [typeof(Bundle)] = "Bundle",
    };

    public FhirJsonParserOptions Options { get; } = options ?? FhirJsonParserOptions.Default;

    public Resource Parse(JsonElement element) => Parse<Resource>(element);

    /// <summary>Reads a resource of type <typeparamref name="T"/>; another resource type is JSON102.</summary>
    public T Parse<T>(JsonElement element) where T : Resource =>
        // Clone is free for an element that already owns its memory; otherwise it detaches it from its document.
        ReadOwned<T>(element.Clone(), lines: null);

    /// <summary>Reads a resource and records where it was found (<see cref="Resource.SourceLocation"/>), e.g. <c>prefetch.patient</c>.</summary>
    public Resource Parse(JsonElement element, string location)
    {
        var resource = Parse<Resource>(element);
        resource.SourceLocation = location;
        return resource;
    }

    private T ReadOwned<T>(JsonElement owned, LineMap? lines) where T : Resource
    {
        var c = new JsonCursor { DropBadElements = Options.DropBadElements, Lines = lines };
        var resource = ResourceReader.Read(c, owned, ModelledTypeNames.GetValueOrDefault(typeof(T)));
        return resource as T ?? throw new FhirFormatException(FhirJsonErrorCodes.WrongResourceType, "$.resourceType",
            $"expected a {typeof(T).Name} but got {resource.ResourceType}");
    }

    public Resource Parse(string json) => Parse<Resource>(json);

    public T Parse<T>(string json) where T : Resource
    {
        ArgumentNullException.ThrowIfNull(json);
        // A string has at least as many UTF-8 bytes as chars, so a long one is refused before it is encoded.
        if (json.Length > Options.MaxInputBytes) throw JsonInput.TooLarge(json.Length, Options.MaxInputBytes);
        return ParseUtf8<T>(Encoding.UTF8.GetBytes(json));
    }

    public Resource Parse(Stream stream) => Parse<Resource>(stream);

    public T Parse<T>(Stream stream) where T : Resource => ParseUtf8<T>(JsonInput.ReadBounded(stream, Options));

    public Resource ParseFile(string path) => ParseFile<Resource>(path);

    public T ParseFile<T>(string path) where T : Resource => ParseUtf8<T>(JsonInput.ReadFileBounded(path, Options));

    /// <summary>Reads UTF-8 JSON (a leading byte-order mark is allowed).</summary>
    public T ParseUtf8<T>(ReadOnlySpan<byte> utf8) where T : Resource
    {
        if (utf8.Length > Options.MaxInputBytes) throw JsonInput.TooLarge(utf8.Length, Options.MaxInputBytes);
        var root = JsonInput.Parse(utf8, Options);
        // The root owns its memory; the lines of dropped elements are counted in the bytes it was parsed from.
        return ReadOwned<T>(root, Options.DropBadElements ? LineMap.Of(JsonInput.WithoutBom(utf8), root) : null);
    }
}
