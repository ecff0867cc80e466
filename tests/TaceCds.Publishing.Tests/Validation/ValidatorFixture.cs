using TaceCds.Testing;
using TaceCds.Validation;

namespace TaceCds.Publishing.Tests.Validation;

/// <summary>
/// One project validator (TaceCds.Validation: base R4 + fhir-profiles/, offline) for the run. Its disk cache is this
/// project's own folder under artifacts/ (ignored by git): test projects run in parallel and must not share one.
/// </summary>
public sealed class ValidatorFixture
{
    public ProjectValidator Validator { get; } =
        ProjectValidator.Create(RepoPaths.InRepo("fhir-profiles"), RepoPaths.InRepo("artifacts", "fhir-validation-cache-publishing"));

    public static string Errors(IEnumerable<ValidationIssue> issues) => string.Join("\n", issues.Where(i => i.IsError).Select(i => i.ToString()));
}

[CollectionDefinition(Name)]
public sealed class ValidatorCollection : ICollectionFixture<ValidatorFixture>
{
    public const string Name = "validator";
}
