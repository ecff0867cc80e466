using System.Text.Json.Nodes;

namespace TaceCds.Validation;

/// <summary>
/// fhir-profiles/ as a FHIR package: <c>package.json</c> (name, canonical, version, fhirVersions, dependencies) and an
/// <c>ImplementationGuide</c> resource whose <c>definition.resource</c> lists every resource of the folder (its
/// subfolders included). The guide is generated from the folder so it cannot forget a file; a test compares the
/// checked-in copy with this one. Re-generate with the snapshots:
/// <c>TACECDS_BLESS=1 dotnet test tests/TaceCds.Validation.Tests -c Release --filter GuideBuild</c>.
/// </summary>
public static class GuidePackage
{
    public const string PackageId = "tacecds.fhir";
    public const string Canonical = "https://tacecds.org/fhir";
    public const string GuideId = "tacecds";
    public const string GuideFileName = "ImplementationGuide-" + GuideId + ".json";

    /// <summary>Every resource file of the guide folder, relative paths with '/' in ordinal order; package.json and the guide itself excluded.</summary>
    public static IReadOnlyList<string> ResourceFiles(string profilesDir) =>
        Directory.GetFiles(profilesDir, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(profilesDir, f).Replace('\\', '/'))
            .Where(f => f is not ("package.json" or GuideFileName) && !f.EndsWith("/package.json", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>The ImplementationGuide text the folder should hold (two-space JSON, final newline).</summary>
    public static string ImplementationGuideText(string profilesDir)
    {
        var package = GuideJson.Parse(File.ReadAllText(Path.Combine(profilesDir, "package.json")));
        var version = (string?)package["version"] ?? throw new FormatException("package.json has no version");
        var resources = new JsonArray();
        foreach (var file in ResourceFiles(profilesDir))
        {
            var resource = GuideJson.Parse(File.ReadAllText(Path.Combine(profilesDir, file)));
            var entry = new JsonObject
            {
                ["reference"] = new JsonObject { ["reference"] = $"{(string?)resource["resourceType"]}/{(string?)resource["id"]}" },
                ["name"] = (string?)resource["title"] ?? (string?)resource["name"],
            };
            if ((string?)resource["description"] is { } description) entry["description"] = description;
            entry["exampleBoolean"] = false;
            resources.Add(entry);
        }
        var guide = new JsonObject
        {
            ["resourceType"] = "ImplementationGuide",
            ["id"] = GuideId,
            ["url"] = $"{Canonical}/ImplementationGuide/{GuideId}",
            ["version"] = version,
            ["name"] = "TaceCds",
            ["title"] = (string?)package["title"],
            ["status"] = "active",
            ["experimental"] = false,
            ["date"] = (string?)package["date"],
            ["publisher"] = "TaceCds",
            ["description"] = (string?)package["description"],
            ["packageId"] = PackageId,
            ["fhirVersion"] = new JsonArray("4.0.1"),
            ["dependsOn"] = new JsonArray(new JsonObject
            {
                ["id"] = "hl7_fhir_r4_core",
                ["uri"] = "http://hl7.org/fhir/ImplementationGuide/hl7.fhir.r4.core",
                ["packageId"] = "hl7.fhir.r4.core",
                ["version"] = "4.0.1",
            }),
            ["definition"] = new JsonObject { ["resource"] = resources },
        };
        return GuideJson.Write(guide);
    }

    /// <summary>Writes the ImplementationGuide when it differs; returns whether it was written.</summary>
    public static bool WriteImplementationGuide(string profilesDir)
    {
        var path = Path.Combine(profilesDir, GuideFileName);
        var expected = ImplementationGuideText(profilesDir);
        if (File.Exists(path) && File.ReadAllText(path) == expected) return false;
        File.WriteAllText(path, expected);
        return true;
    }
}
