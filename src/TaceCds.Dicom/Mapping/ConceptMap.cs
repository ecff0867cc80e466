using System.Text.Json;
using TaceCds.Dicom.Sr;

namespace TaceCds.Dicom.Mapping;

/// <summary>
/// Which SR concepts are TaceCds imaging parameters. Loaded from concept-map.json (embedded; see that file for
/// every code's source) or from a user file of the same shape. Lookup is by (coding scheme, code value).
/// </summary>
public sealed class ConceptMap
{
    private readonly Dictionary<(string Scheme, string Code), string> _targets;
    private readonly HashSet<string> _localCodes;

    private ConceptMap(Dictionary<(string, string), string> targets, string? localScheme, HashSet<string> localCodes)
    {
        _targets = targets;
        LocalScheme = localScheme;
        _localCodes = localCodes;
    }

    public static ConceptMap Default { get; } = LoadEmbedded();

    /// <summary>The private coding scheme whose codes are ours verbatim (e.g. 99TACECDS).</summary>
    public string? LocalScheme { get; }

    public int Count => _targets.Count;

    /// <summary>Our code for an SR concept, or null when the concept is not one of ours.</summary>
    public string? Lookup(SrCode? concept)
    {
        if (concept is null)
            return null;
        if (_targets.TryGetValue((concept.Scheme, concept.Value), out var target))
            return target;
        return concept.Scheme == LocalScheme && _localCodes.Contains(concept.Value) ? concept.Value : null;
    }

    public static ConceptMap Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream, path);
        }
        catch (IOException e)
        {
            throw new ConceptMapException($"concept map {path} cannot be read: {e.Message}", e);
        }
    }

    public static ConceptMap Parse(Stream json, string sourceName)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ConceptMapException($"concept map {sourceName} is not valid JSON: {e.Message}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            var targets = new Dictionary<(string, string), string>();
            if (!root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
                throw new ConceptMapException($"concept map {sourceName}: 'entries' array missing", null);
            var index = 0;
            foreach (var e in entries.EnumerateArray())
            {
                var scheme = Required(e, "scheme", sourceName, index);
                var code = Required(e, "code", sourceName, index);
                var target = Required(e, "target", sourceName, index);
                if (!targets.TryAdd((scheme, code), target))
                    throw new ConceptMapException($"concept map {sourceName}: entry {index} repeats {scheme} {code}", null);
                index++;
            }
            var localScheme = root.TryGetProperty("localScheme", out var ls) ? ls.GetString() : null;
            var localCodes = root.TryGetProperty("localCodes", out var lc) && lc.ValueKind == JsonValueKind.Array
                ? lc.EnumerateArray().Select(c => c.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
                : [];
            return new ConceptMap(targets, localScheme, localCodes);
        }
    }

    private static string Required(JsonElement entry, string name, string source, int index) =>
        entry.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } s
            ? s
            : throw new ConceptMapException($"concept map {source}: entry {index} has no '{name}'", null);

    private static ConceptMap LoadEmbedded()
    {
        using var stream = typeof(ConceptMap).Assembly.GetManifestResourceStream("TaceCds.Dicom.concept-map.json")
            ?? throw new InvalidOperationException("concept-map.json resource missing from TaceCds.Dicom");
        return Parse(stream, "concept-map.json (embedded)");
    }
}

/// <summary>A concept map file that cannot be used (configuration error, not a DICOM error).</summary>
public sealed class ConceptMapException(string message, Exception? inner) : Exception(message, inner);
