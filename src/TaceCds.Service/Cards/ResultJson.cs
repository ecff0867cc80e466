using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Cards;

/// <summary>Reading EvaluationResult members whatever .NET type their JSON nodes were built from.</summary>
internal static class ResultJson
{
    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    public static string? NumberText(JsonNode? node) => Number(node)?.ToString("0.##", CultureInfo.InvariantCulture);
}
