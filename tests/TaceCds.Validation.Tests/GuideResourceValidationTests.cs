using TaceCds.Testing;

namespace TaceCds.Validation.Tests;

/// <summary>Every resource of the implementation guide (profiles, ValueSets, CodeSystems, the guide itself) is valid R4.</summary>
[Collection(ValidatorCollection.Name)]
public class GuideResourceValidationTests(ValidatorFixture fixture)
{
    public static TheoryData<string> GuideFiles()
    {
        var data = new TheoryData<string>();
        var dir = RepoPaths.InRepo("fhir-profiles");
        foreach (var file in Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (Path.GetFileName(file) == "package.json") continue;
            data.Add(Path.GetRelativePath(dir, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GuideFiles))]
    public void Guide_resource_validates_against_R4_with_no_errors(string file)
    {
        var issues = fixture.Validator.Validate(ValidatorFixture.ReadRepoFile("fhir-profiles", file));

        var errors = issues.Where(i => i.IsError).ToList();
        Assert.True(errors.Count == 0, ValidatorFixture.Describe(errors));
    }
}
