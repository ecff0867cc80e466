using Hl7.Fhir.Model;
using TaceCds.Rules.Loading;

namespace TaceCds.Publishing.Packs;

/// <summary>One pack's published pair.</summary>
public sealed record PackArtifacts(string PackId, PlanDefinition PlanDefinition, Library Library);

/// <summary>
/// <c>tacecds rules export --format fhir</c>: every loaded pack as <c>PlanDefinition-&lt;id&gt;.json</c> and
/// <c>Library-&lt;id&gt;.json</c> (the IG publisher's file naming). The YAML attached is the file the pack was loaded from.
/// </summary>
public static class PackExport
{
    public static IReadOnlyList<PackArtifacts> Build(RuleSet rules, Func<string, string> readSource) =>
        rules.Packs.Select(p => new PackArtifacts(p.Id, PackPlanDefinition.Build(p), PackLibrary.Build(p, readSource(p.File)))).ToList();

    /// <summary>Writes the files and returns their paths, in pack order.</summary>
    public static IReadOnlyList<string> Write(RuleSet rules, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var artifacts in Build(rules, File.ReadAllText))
        {
            written.Add(WriteOne(directory, $"PlanDefinition-{artifacts.PackId}.json", artifacts.PlanDefinition));
            written.Add(WriteOne(directory, $"Library-{artifacts.PackId}.json", artifacts.Library));
        }
        return written;
    }

    private static string WriteOne(string directory, string name, Resource resource)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, FhirJson.Serialize(resource) + "\n");
        return path;
    }
}
