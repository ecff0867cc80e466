using TaceCds.Testing;

namespace TaceCds.Validation.Tests;

/// <summary>
/// One validator for the whole test run (its cold start compiles schemas for tens of seconds), over the repository's
/// fhir-profiles/, with its disk cache under artifacts/ (ignored by git) so that later runs start warm.
/// </summary>
public sealed class ValidatorFixture
{
    public ValidatorFixture() =>
        Validator = ProjectValidator.Create(RepoPaths.InRepo("fhir-profiles"), RepoPaths.InRepo("artifacts", "fhir-validation-cache"));

    public ProjectValidator Validator { get; }

    public static string ReadRepoFile(params string[] parts) => File.ReadAllText(RepoPaths.InRepo(parts));

    public static string Describe(IEnumerable<ValidationIssue> issues) => string.Join("\n", issues.Select(i => i.ToString()));
}

[CollectionDefinition(Name)]
public sealed class ValidatorCollection : ICollectionFixture<ValidatorFixture>
{
    public const string Name = "validator";
}
