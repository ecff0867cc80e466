using System.Text.Json.Nodes;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Population;

/// <summary>Sample Bundles split into a Bulk Data export (one NDJSON file per resource type) in a temp folder.</summary>
public sealed class SampleExport : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("tacecds-export-").FullName;

    /// <param name="keep">Which resources go into the export (default all).</param>
    public SampleExport(IEnumerable<string> sampleIds, Func<JsonNode, bool>? keep = null)
    {
        var byType = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var id in sampleIds)
            foreach (var entry in JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("samples", id + ".json")))!["entry"]!.AsArray())
            {
                var resource = entry!["resource"]!;
                if (keep?.Invoke(resource) == false) continue;
                var type = resource["resourceType"]!.ToString();
                if (!byType.TryGetValue(type, out var lines)) byType[type] = lines = [];
                lines.Add(resource.ToJsonString());
            }
        foreach (var (type, lines) in byType) File.WriteAllLines(PathOf(type), lines);
    }

    public string PathOf(string resourceType) => Path.Combine(Folder, resourceType + ".ndjson");

    /// <summary>The 1-based line of the resource with this id in its type's file.</summary>
    public int LineOf(string resourceType, string id) =>
        File.ReadLines(PathOf(resourceType)).Select((line, i) => (line, i)).First(x => JsonNode.Parse(x.line)!["id"]!.ToString() == id).i + 1;

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
