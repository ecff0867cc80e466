using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaceCds.SampleGenerator;

/// <summary>Serialises a bundle to byte-stable, pretty-printed UTF-8 JSON.</summary>
public static class BundleWriter
{
    public static byte[] ToUtf8(JsonObject bundle)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n", // same bytes on every OS
            // The files are data, never embedded in a web page: keep '+', '<', non-ASCII readable instead of \uXXXX.
            // Readers decode both forms identically; the HTML-escaping tests read the decoded text.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            bundle.WriteTo(writer);
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
