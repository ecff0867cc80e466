using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaceCds.Validation;

/// <summary>
/// How files in fhir-profiles/ are written when a build step rewrites them: two-space indentation, non-ASCII
/// characters kept as they are (— µ ≥), a final newline — the style of the hand-written files, so that a
/// rewritten file differs from the old one only where its content does.
/// </summary>
public static class GuideJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode node) => node.ToJsonString(Options) + "\n";

    public static JsonObject Parse(string text) =>
        JsonNode.Parse(text) as JsonObject ?? throw new FormatException("a JSON object was expected");
}
