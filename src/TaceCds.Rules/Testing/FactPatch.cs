using System.Globalization;
using System.Text.Json.Nodes;

namespace TaceCds.Rules.Testing;

/// <summary>
/// Edits a fact tree for a test vector: <c>set</c> and <c>remove</c> paths like <c>course.assessments[2].targetSumMm</c>
/// (dotted members, <c>[i]</c> indices; <c>[-1]</c> is the last item). Lets a vignette change one value of a sample patient.
/// </summary>
public static class FactPatch
{
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, last) = Walk(root, path, create: true);
        switch (parent)
        {
            case JsonObject o when last is string name: o[name] = value; break;
            case JsonArray a when last is int i: a[Index(a, i, path)] = value; break;
            default: throw new FormatException($"cannot set '{path}'");
        }
    }

    public static void Remove(JsonObject root, string path)
    {
        var (parent, last) = Walk(root, path, create: false);
        switch (parent)
        {
            case JsonObject o when last is string name:
                if (!o.Remove(name)) throw new FormatException($"'{path}' does not exist");
                break;
            case JsonArray a when last is int i: a.RemoveAt(Index(a, i, path)); break;
            default: throw new FormatException($"cannot remove '{path}'");
        }
    }

    private static int Index(JsonArray a, int i, string path)
    {
        var index = i < 0 ? a.Count + i : i;
        if (index < 0 || index >= a.Count) throw new FormatException($"'{path}': index {i} is outside the list of {a.Count}");
        return index;
    }

    private static (JsonNode Parent, object Last) Walk(JsonObject root, string path, bool create)
    {
        var steps = Parse(path);
        JsonNode current = root;
        for (var s = 0; s < steps.Count - 1; s++)
        {
            JsonNode? next = steps[s] switch
            {
                string name when current is JsonObject o => o[name] ?? (create ? o[name] = new JsonObject() : null),
                int i when current is JsonArray a => a[Index(a, i, path)],
                _ => null,
            };
            current = next ?? throw new FormatException($"'{path}': nothing at step {s + 1}");
        }
        return (current, steps[^1]);
    }

    private static List<object> Parse(string path)
    {
        var steps = new List<object>();
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            var indices = new List<int>();
            if (bracket >= 0)
            {
                foreach (var part in name[bracket..].Split('[', StringSplitOptions.RemoveEmptyEntries))
                    indices.Add(int.Parse(part.TrimEnd(']'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                name = name[..bracket];
            }
            if (name.Length > 0) steps.Add(name);
            steps.AddRange(indices.Cast<object>());
        }
        if (steps.Count == 0) throw new FormatException($"empty path '{path}'");
        return steps;
    }
}
