using Hl7.Fhir.Specification.Source;

namespace TaceCds.Validation;

/// <summary>
/// Where the validator and the snapshot generator find conformance resources, offline: the project's
/// implementation guide folder (fhir-profiles/, its subfolders included) first, then the FHIR R4 core
/// definitions of Hl7.Fhir.Specification.Data.R4 (specification.zip, copied next to the assembly).
/// </summary>
public static class ConformanceSources
{
    /// <summary>The R4 core archive shipped by Hl7.Fhir.Specification.Data.R4 next to the running assembly.</summary>
    public static string CoreArchivePath => Path.Combine(AppContext.BaseDirectory, "specification.zip");

    /// <summary>The project folder as a source: every *.json resource in it and its subfolders (package.json is not a resource and is skipped).</summary>
    public static DirectorySource ProjectSource(string profilesDir)
    {
        if (!Directory.Exists(profilesDir))
            throw new DirectoryNotFoundException($"implementation guide folder not found: {profilesDir}");
        return new DirectorySource(profilesDir, new DirectorySourceSettings
        {
            IncludeSubDirectories = true,
            Includes = ["*.json"],
            Excludes = ["package.json", ".index.json"],
        });
    }

    /// <summary>The R4 core definitions (StructureDefinitions with snapshots, ValueSets, CodeSystems).</summary>
    public static ZipSource CoreSource()
    {
        if (!File.Exists(CoreArchivePath))
            throw new FileNotFoundException($"FHIR R4 core definitions not found (Hl7.Fhir.Specification.Data.R4 copies them next to the assembly): {CoreArchivePath}");
        return ZipSource.CreateValidationSource(CoreArchivePath);
    }
}
