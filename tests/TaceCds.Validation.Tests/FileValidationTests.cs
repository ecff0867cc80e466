using Hl7.Fhir.Serialization;
using TaceCds.Testing;
using F = Hl7.Fhir.Model;

namespace TaceCds.Validation.Tests;

/// <summary>What <c>tacecds validate</c> reads: JSON files, NDJSON lines (issues carry the line), folders; a missing path is "could not run".</summary>
[Collection(ValidatorCollection.Name)]
public class FileValidationTests(ValidatorFixture fixture)
{
    [Fact]
    public void An_NDJSON_export_with_a_bad_lab_on_line_3_gives_its_errors_at_line_3_only()
    {
        var bundle = new FhirJsonDeserializer().Deserialize<F.Bundle>(ValidatorFixture.ReadRepoFile("samples", "p02.json"));
        var labs = bundle.Entry.Select(e => e.Resource).OfType<F.Observation>().Where(o => o.Code.Coding[0].Code == "1751-7").Take(3).ToList();
        labs[2].Code.Coding[0].Code = "718-7";
        var dir = Directory.CreateTempSubdirectory("tacecds-validate-");
        try
        {
            var file = Path.Combine(dir.FullName, "Observation.ndjson");
            File.WriteAllLines(file, labs.Select(l => l.ToJson()));

            var report = FileValidation.Validate(fixture.Validator, [dir.FullName]);

            Assert.Equal((1, 3), (report.Files, report.Resources));
            var error = Assert.Single(report.Issues, i => i.Issue.IsError);
            Assert.Equal(3, error.Line);
            Assert.StartsWith("Observation.code", error.Issue.Location);
            Assert.StartsWith($"{file}:3: error code-invalid Observation.code", error.ToString());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_samples_folder_is_21_bundles_with_no_errors_and_its_generator_subfolder_is_not_read()
    {
        var files = FileValidation.ExpandPaths([RepoPaths.InRepo("samples")]);

        Assert.Equal(21, files.Count);
        Assert.All(files, f => Assert.Matches(@"p\d\d\.json$", f));
    }

    [Fact]
    public void A_path_that_does_not_exist_is_refused_before_validating()
    {
        var missing = RepoPaths.InRepo("samples", "p99.json");

        var e = Assert.Throws<FileNotFoundException>(() => FileValidation.ExpandPaths([missing]));
        Assert.Contains("p99.json", e.Message);
    }

    [Fact]
    public void The_guide_and_cache_folders_resolve_from_option_then_environment_then_repository()
    {
        Assert.Equal(Path.GetFullPath("/x/ig"), GuideLocations.ResolveProfiles("/x/ig", "/y/ig", "/", "/"));
        Assert.Equal(Path.GetFullPath("/y/ig"), GuideLocations.ResolveProfiles(null, "/y/ig", "/", "/"));
        Assert.Equal(RepoPaths.InRepo("fhir-profiles"), GuideLocations.ResolveProfiles(null, null, RepoPaths.InRepo("samples"), "/"));
        Assert.Equal("/home/u/.cache/tacecds/fhir-validation", GuideLocations.ResolveCache(null, null, null, "/home/u"));
        Assert.Equal("/xdg/tacecds/fhir-validation", GuideLocations.ResolveCache(null, null, "/xdg", "/home/u"));
        Assert.Equal(Path.GetFullPath("/c"), GuideLocations.ResolveCache(null, "/c", "/xdg", "/home/u"));
    }
}
