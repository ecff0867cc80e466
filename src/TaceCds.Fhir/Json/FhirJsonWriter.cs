using System.Text.Encodings.Web;
using System.Text.Json;
using TaceCds.Fhir.Json.Writers;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Json;

/// <summary>
/// Writes modelled resources as FHIR R4 JSON: members in specification order, nothing empty (no null, "", [] or {}).
/// An <see cref="OtherResource"/> read from JSON is written from its Json, the only place its content lives.
/// </summary>
public sealed class FhirJsonWriter(FhirJsonWriterOptions? options = null)
{
    public static FhirJsonWriter Default { get; } = new();

    public FhirJsonWriterOptions Options { get; } = options ?? FhirJsonWriterOptions.Default;

    public void Write(Utf8JsonWriter writer, Resource resource) => ResourceWriter.Write(writer, resource, Options);

    public void Write(Stream stream, Resource resource)
    {
        using var writer = new Utf8JsonWriter(stream, WriterOptions());
        Write(writer, resource);
    }

    public byte[] WriteToUtf8Bytes(Resource resource)
    {
        using var buffer = new MemoryStream();
        Write(buffer, resource);
        return buffer.ToArray();
    }

    public string WriteToString(Resource resource) => System.Text.Encoding.UTF8.GetString(WriteToUtf8Bytes(resource));

    public void WriteFile(string path, Resource resource)
    {
        using var stream = File.Create(path);
        Write(stream, resource);
    }

    // Relaxed escaping keeps non-ASCII names readable; the output is FHIR JSON, never embedded in HTML.
    private JsonWriterOptions WriterOptions() => new()
    {
        Indented = Options.Indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
