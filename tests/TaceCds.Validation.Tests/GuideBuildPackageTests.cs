using System.Text.Json;
using TaceCds.Testing;

namespace TaceCds.Validation.Tests;

/// <summary>
/// fhir-profiles/ is a FHIR package a validator loads: package.json names it, its canonical, FHIR version and the R4
/// core dependency; the ImplementationGuide lists every resource file. The guide is generated from the folder;
/// re-generate (with the snapshots) by <c>TACECDS_BLESS=1 dotnet test tests/TaceCds.Validation.Tests -c Release --filter GuideBuild</c>.
/// </summary>
public class GuideBuildPackageTests
{
    private static readonly string ProfilesDir = RepoPaths.InRepo("fhir-profiles");

    [Fact]
    public void Package_json_names_the_package_its_canonical_R4_and_the_core_dependency()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProfilesDir, "package.json")));
        var package = doc.RootElement;

        Assert.Equal("tacecds.fhir", package.GetProperty("name").GetString());
        Assert.Equal("https://tacecds.org/fhir", package.GetProperty("canonical").GetString());
        Assert.Equal("1.0.0", package.GetProperty("version").GetString());
        Assert.Equal(["4.0.1"], package.GetProperty("fhirVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("4.0.1", package.GetProperty("dependencies").GetProperty("hl7.fhir.r4.core").GetString());
    }

    [Fact]
    public void Implementation_guide_lists_every_resource_file_of_the_folder_and_is_up_to_date()
    {
        if (Environment.GetEnvironmentVariable("TACECDS_BLESS") == "1") GuidePackage.WriteImplementationGuide(ProfilesDir);

        var text = File.ReadAllText(Path.Combine(ProfilesDir, GuidePackage.GuideFileName));
        Assert.True(text == GuidePackage.ImplementationGuideText(ProfilesDir),
            "ImplementationGuide-tacecds.json is out of date: run TACECDS_BLESS=1 dotnet test tests/TaceCds.Validation.Tests -c Release --filter GuideBuild");

        using var doc = JsonDocument.Parse(text);
        var listed = doc.RootElement.GetProperty("definition").GetProperty("resource").EnumerateArray()
            .Select(r => r.GetProperty("reference").GetProperty("reference").GetString()).ToList();
        var files = GuidePackage.ResourceFiles(ProfilesDir);
        Assert.Equal(files.Count, listed.Count);
        Assert.Equal(46, listed.Count); // 5 CodeSystems (with tacecds-results, tacecds-evidence-level), 8 StructureDefinitions, 31 ValueSets, 2 terminology fragments
        Assert.Contains("StructureDefinition/lab-observation", listed);
        Assert.Contains("CodeSystem/loinc-fragment", listed);
        Assert.Equal("tacecds.fhir", doc.RootElement.GetProperty("packageId").GetString());
    }
}
