using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaceCds.Rules.Testing;

/// <summary>
/// "Actual contains expected": every member of an expected object must match, arrays match item by item and have the same
/// length, strings and booleans exactly, and numbers to as many decimals as the expected number is written with
/// (0.105 matches 0.1053). Returns the mismatches (empty = match).
/// </summary>
public static class JsonExpectation
{
    public static List<string> Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        var errors = new List<string>();
        Walk(expected, actual, path, errors);
        return errors;
    }

    private static void Walk(JsonNode? expected, JsonNode? actual, string path, List<string> errors)
    {
        switch (expected)
        {
            case null:
                if (actual is not null) errors.Add($"{path}: expected absent, got {actual.ToJsonString()}");
                return;
            case JsonObject eo:
                if (actual is not JsonObject ao) { errors.Add($"{path}: expected an object, got {Show(actual)}"); return; }
                foreach (var (key, value) in eo) Walk(value, ao[key], $"{path}.{key}", errors);
                return;
            case JsonArray ea:
                if (actual is not JsonArray aa) { errors.Add($"{path}: expected a list, got {Show(actual)}"); return; }
                if (ea.Count != aa.Count) { errors.Add($"{path}: expected {ea.Count} item(s), got {aa.Count}: {aa.ToJsonString()}"); return; }
                for (var i = 0; i < ea.Count; i++) Walk(ea[i], aa[i], $"{path}[{i}]", errors);
                return;
            case JsonValue ev:
                if (ev.GetValueKind() == JsonValueKind.Number)
                {
                    var want = Num(ev);
                    if (actual is not JsonValue av || av.GetValueKind() != JsonValueKind.Number) { errors.Add($"{path}: expected {want.ToString(CultureInfo.InvariantCulture)}, got {Show(actual)}"); return; }
                    var decimals = Decimals(ev.ToJsonString());
                    var got = Math.Round(Num(av), decimals, MidpointRounding.AwayFromZero);
                    if (got != want) errors.Add($"{path}: expected {ev.ToJsonString()}, got {av.ToJsonString()}");
                    return;
                }
                if (actual is null || !JsonNode.DeepEquals(ev, actual)) errors.Add($"{path}: expected {ev.ToJsonString()}, got {Show(actual)}");
                return;
        }
    }

    private static decimal Num(JsonValue v) => decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int Decimals(string number)
    {
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? 0 : number.Length - dot - 1;
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "nothing";
}
