using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Snapshot;
using Hl7.Fhir.Specification.Source;
using System.Text.Json.Nodes;

namespace TaceCds.Validation;

/// <summary>One StructureDefinition file: its text now, and its text with the snapshot the Firely SDK generates.</summary>
public sealed record SnapshotFile(string Path, string Current, string Expected, IReadOnlyList<string> GeneratorIssues)
{
    public bool UpToDate => Current == Expected;
}

/// <summary>
/// The build step that gives every project StructureDefinition a snapshot: Firely's <see cref="SnapshotGenerator"/>
/// expands each differential over the R4 core definitions (offline, specification.zip) and the project's own
/// extensions. The hand-written differential is left as it is; only the <c>snapshot</c> member is (re)written, just
/// before <c>differential</c> as in the FHIR element order.
/// Re-generate: <c>TACECDS_BLESS=1 dotnet test tests/TaceCds.Validation.Tests -c Release --filter GuideBuild</c>.
/// </summary>
public static class ProfileSnapshots
{
    public static IReadOnlyList<SnapshotFile> Generate(string profilesDir)
    {
        var parser = new FhirJsonDeserializer();
        var files = Directory.GetFiles(profilesDir, "StructureDefinition-*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var definitions = files.Select(f => (File: f, Text: File.ReadAllText(f))).Select(f => (f.File, f.Text, Sd: parser.Deserialize<StructureDefinition>(f.Text))).ToList();
        // Generate from the differential alone: a stale checked-in snapshot must not feed the new one.
        foreach (var d in definitions) d.Sd.Snapshot = null;

        var resolver = new CachedResolver(new MultiResolver(new InMemoryResourceResolver(definitions.Select(d => (Resource)d.Sd)), ConformanceSources.CoreSource()));
        var generator = new SnapshotGenerator(resolver, new SnapshotGeneratorSettings
        {
            GenerateSnapshotForExternalProfiles = true,
            GenerateElementIds = true,
            GenerateExtensionsOnConstraints = false,
            GenerateAnnotationsOnConstraints = false,
        });

        var result = new List<SnapshotFile>();
        // Extensions first, so that a profile slicing on a project extension finds its snapshot already built.
        foreach (var d in definitions.OrderBy(d => d.Sd.Type == "Extension" ? 0 : 1))
        {
            if (!d.Sd.HasSnapshot) generator.UpdateAsync(d.Sd).GetAwaiter().GetResult();
            var issues = generator.Outcome?.Issue.Select(i => $"{i.Severity} {string.Join(",", i.Location)}: {i.Details?.Text}").ToList() ?? [];
            var node = GuideJson.Parse(d.Text);
            var snapshot = JsonNode.Parse((d.Sd.Snapshot ?? throw new InvalidOperationException($"no snapshot generated for {d.Sd.Url}")).ToJson())!;
            node.Remove("snapshot");
            var at = node.IndexOf("differential");
            node.Insert(at < 0 ? node.Count : at, "snapshot", snapshot);
            result.Add(new SnapshotFile(d.File, d.Text, GuideJson.Write(node), issues));
        }
        return result.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>Writes every file whose snapshot changed; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string profilesDir)
    {
        var written = new List<string>();
        foreach (var file in Generate(profilesDir).Where(f => !f.UpToDate))
        {
            File.WriteAllText(file.Path, file.Expected);
            written.Add(file.Path);
        }
        return written;
    }
}
