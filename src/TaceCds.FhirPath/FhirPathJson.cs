using System.Text.Encodings.Web;
using System.Text.Json;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath;

/// <summary>
/// Writes results as a JSON array, in the shape fhirpath.js returns them: temporal values and quantities as strings;
/// a FHIR primitive that has only extensions (no value) is left out, as it has no JSON value of its own.
/// </summary>
public static class FhirPathJson
{
    public static void WriteArray(Utf8JsonWriter writer, IReadOnlyList<FhirPathValue> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            if (value is not ElementValue { IsValuelessPrimitive: true })
                value.WriteJson(writer);
        }
        writer.WriteEndArray();
    }

    public static string ToJsonArray(IReadOnlyList<FhirPathValue> values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteArray(writer, values);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
