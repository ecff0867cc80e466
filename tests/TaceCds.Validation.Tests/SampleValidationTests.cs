using TaceCds.Testing;

namespace TaceCds.Validation.Tests;

/// <summary>
/// Every sample Bundle validates with no errors: each entry against its base R4 type and against the project
/// profile it declares in meta.profile (labs → lab-observation, TACE sessions → tace-procedure, …), with the
/// terminology bindings of those profiles checked.
/// </summary>
[Collection(ValidatorCollection.Name)]
public class SampleValidationTests(ValidatorFixture fixture)
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.InRepo("samples"), "p*.json").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_bundle_validates_against_R4_and_its_declared_profiles_with_no_errors(string file)
    {
        var issues = fixture.Validator.Validate(ValidatorFixture.ReadRepoFile("samples", file));

        var errors = issues.Where(i => i.IsError).ToList();
        Assert.True(errors.Count == 0, ValidatorFixture.Describe(errors));
    }
}
