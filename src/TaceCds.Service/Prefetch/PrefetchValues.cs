using System.Text.Json;
using TaceCds.Clinical.Facts;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Service.Prefetch;

/// <summary>Reading prefetch values: their state, and their resources.</summary>
internal static class PrefetchValues
{
    public static PrefetchState Classify(IReadOnlyDictionary<string, JsonElement> prefetch, string key)
    {
        if (!prefetch.TryGetValue(key, out var value)) return PrefetchState.Missing;
        if (value.ValueKind == JsonValueKind.Null) return PrefetchState.NoData;
        return ReportsError(value) ? PrefetchState.Failed : PrefetchState.Provided;
    }

    /// <summary>Adds the value's resources (a Bundle's entries, or the resource itself); returns the searchset's next link.</summary>
    public static string? Read(string key, JsonElement value, List<Resource> resources, List<DataIssue> issues)
    {
        if (TypeOf(value) != "Bundle")
        {
            Add(value, $"prefetch.{key}", resources, issues);
            return null;
        }
        if (value.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource) && TypeOf(resource) != "OperationOutcome")
                    Add(resource, $"prefetch.{key}.entry[{i}].resource", resources, issues);
                i++;
            }
        }
        if (!value.TryGetProperty("link", out var links) || links.ValueKind != JsonValueKind.Array) return null;
        foreach (var link in links.EnumerateArray())
        {
            if (link.ValueKind == JsonValueKind.Object && link.TryGetProperty("relation", out var rel) && rel.ValueKind == JsonValueKind.String &&
                rel.GetString() == "next" && link.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
                return url.GetString();
        }
        return null;
    }

    // Recovering: one bad element (a malformed birthDate) is dropped with a data issue; the resource and patient stay.
    private static void Add(JsonElement json, string location, List<Resource> resources, List<DataIssue> issues)
    {
        try
        {
            resources.Add(FhirJsonParser.Recovering.Parse(json, location));
        }
        catch (FhirFormatException ex)
        {
            issues.Add(new DataIssue(ex.Code, null, $"{location}: {ex.Path}: {ex.Detail}", DataIssue.Error));
        }
    }

    // An OperationOutcome with an error or fatal issue, alone or inside the Bundle, means the client could not get the data.
    private static bool ReportsError(JsonElement value)
    {
        if (IsErrorOutcome(value)) return true;
        if (TypeOf(value) != "Bundle" || !value.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array) return false;
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource) && IsErrorOutcome(resource)) return true;
        }
        return false;
    }

    private static bool IsErrorOutcome(JsonElement value)
    {
        if (TypeOf(value) != "OperationOutcome") return false;
        if (!value.TryGetProperty("issue", out var issues) || issues.ValueKind != JsonValueKind.Array) return true;
        foreach (var issue in issues.EnumerateArray())
        {
            if (issue.ValueKind == JsonValueKind.Object && issue.TryGetProperty("severity", out var s) && s.ValueKind == JsonValueKind.String &&
                s.GetString() is "error" or "fatal") return true;
        }
        return false;
    }

    private static string? TypeOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
}
