using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaceCds.Report.Model;

/// <summary>
/// Tolerant reads of the EvaluationResult: a member that is absent or of another type reads as null, so a result
/// from an older or newer engine still renders (the contract only adds members).
/// </summary>
public static class JsonRead
{
    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(key, out node)) return null;
        }
        return node;
    }

    public static string? Str(this JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    public static double? Num(this JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static bool? Bool(this JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
        : null;

    public static DateOnly? Day(this JsonNode? node) =>
        node.Str() is { Length: >= 10 } s && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static IEnumerable<JsonObject> Objects(this JsonNode? node) =>
        node is JsonArray a ? a.OfType<JsonObject>() : [];

    public static IEnumerable<string> Strings(this JsonNode? node) =>
        node is JsonArray a ? a.Select(Str).OfType<string>() : [];

    public static IEnumerable<KeyValuePair<string, JsonNode?>> Members(this JsonNode? node) =>
        node is JsonObject o ? o : [];

    /// <summary>A short human-readable form of any value (<see cref="ValueText"/>): never JSON, empty for nothing.</summary>
    public static string Display(this JsonNode? node) => node is null ? "" : ValueText.Of(node);
}
