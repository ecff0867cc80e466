using System.Text.Json;

namespace TaceCds.Clinical.Terminology;

/// <summary>One code of a ValueSet file, with where it was written (for TERM104).</summary>
public sealed record ValueSetCode(string System, string Code, string? Display, string File, string Location);

/// <summary>How a site file with the url of an engine value set combines with it.</summary>
public enum MergeMode { Extend, Replace }

/// <summary>
/// A FHIR R4 ValueSet file as the engine reads it: its url and the codes its <c>compose.include</c> lists one by one.
/// The engine holds no code system and no terminology server, so imports (<c>include.valueSet</c>), filters,
/// <c>exclude</c> and a whole system without a concept list are refused (TERM105) rather than read as empty.
/// </summary>
public sealed record ValueSetFile(string Url, string File, MergeMode Mode, IReadOnlyList<ValueSetCode> Codes)
{
    /// <summary>
    /// <c>meta.tag</c> system of the merge marker: code <c>replace</c> makes a site file replace the value set of the same
    /// url; <c>extend</c> (or no tag) adds its codes to it.
    /// </summary>
    public const string MergeTagSystem = "https://tacecds.org/fhir/terminology-merge";

    public static ValueSetFile Parse(string json, string file)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new TerminologyException(TerminologyErrorCodes.MalformedFile, file, $"line {(e.LineNumber ?? 0) + 1}", "not valid JSON");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Malformed(file, null, "not a JSON object");
            if (Text(root, "resourceType") != "ValueSet")
                throw Malformed(file, "resourceType", $"resourceType is '{Text(root, "resourceType") ?? "(none)"}', not 'ValueSet'");
            var url = Text(root, "url");
            if (string.IsNullOrWhiteSpace(url)) throw Malformed(file, "url", "a ValueSet needs its canonical url");
            return new ValueSetFile(url, file, ReadMode(root, file), ReadCodes(root, file));
        }
    }

    private static MergeMode ReadMode(JsonElement root, string file)
    {
        if (!root.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object ||
            !meta.TryGetProperty("tag", out var tags) || tags.ValueKind != JsonValueKind.Array) return MergeMode.Extend;
        var mode = MergeMode.Extend;
        var i = 0;
        foreach (var tag in tags.EnumerateArray())
        {
            var at = $"meta.tag[{i++}]";
            if (tag.ValueKind != JsonValueKind.Object || Text(tag, "system") != MergeTagSystem) continue;
            mode = Text(tag, "code") switch
            {
                "replace" => MergeMode.Replace,
                "extend" => MergeMode.Extend,
                var other => throw Malformed(file, at + ".code", $"merge tag code '{other ?? "(none)"}' is neither 'extend' nor 'replace'"),
            };
        }
        return mode;
    }

    private static List<ValueSetCode> ReadCodes(JsonElement root, string file)
    {
        if (!root.TryGetProperty("compose", out var compose) || compose.ValueKind != JsonValueKind.Object ||
            !compose.TryGetProperty("include", out var includes) || includes.ValueKind != JsonValueKind.Array || includes.GetArrayLength() == 0)
            throw Unsupported(file, "compose.include", "no compose.include: list the codes (expansion-only ValueSets are not read)");
        if (compose.TryGetProperty("exclude", out _))
            throw Unsupported(file, "compose.exclude", "exclude is not supported: list only the codes that belong to the value set");
        var codes = new List<ValueSetCode>();
        var i = 0;
        foreach (var include in includes.EnumerateArray())
        {
            var at = $"compose.include[{i++}]";
            if (include.ValueKind != JsonValueKind.Object) throw Unsupported(file, at, "not an object");
            if (include.TryGetProperty("valueSet", out _))
                throw Unsupported(file, at + ".valueSet", "imports of other value sets are not followed: list their codes here");
            if (include.TryGetProperty("filter", out _))
                throw Unsupported(file, at + ".filter", "filters need a terminology server: list the codes");
            var system = Text(include, "system");
            if (string.IsNullOrWhiteSpace(system)) throw Unsupported(file, at + ".system", "each include names its code system");
            if (!include.TryGetProperty("concept", out var concepts) || concepts.ValueKind != JsonValueKind.Array || concepts.GetArrayLength() == 0)
                throw Unsupported(file, at, $"all of {system} cannot be read without the code system: list the codes in concept");
            var j = 0;
            foreach (var concept in concepts.EnumerateArray())
            {
                var where = $"{at}.concept[{j++}]";
                var code = concept.ValueKind == JsonValueKind.Object ? Text(concept, "code") : null;
                if (string.IsNullOrWhiteSpace(code)) throw Unsupported(file, where + ".code", "a concept without a code");
                codes.Add(new ValueSetCode(system, code, Text(concept, "display"), file, where));
            }
        }
        return codes;
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static TerminologyException Malformed(string file, string? at, string detail) => new(TerminologyErrorCodes.MalformedFile, file, at, detail);

    private static TerminologyException Unsupported(string file, string at, string detail) => new(TerminologyErrorCodes.UnsupportedCompose, file, at, detail);
}
