namespace TaceCds.Validation;

/// <summary>How bad a validation issue is. Firely's "fatal" is reported as <see cref="Error"/>.</summary>
public enum IssueSeverity
{
    Error,
    Warning,
    Information,
}

/// <summary>
/// One finding of the validator.
/// <paramref name="Code"/> is the FHIR OperationOutcome issue type (e.g. <c>code-invalid</c>, <c>structure</c>,
/// <c>required</c>, <c>incomplete</c>) — a stable, documented vocabulary (hl7.org/fhir/R4/valueset-issue-type.html).
/// <paramref name="Location"/> is a FHIRPath into the validated resource, e.g. <c>Bundle.entry[3].resource.code.coding[0]</c>.
/// </summary>
public sealed record ValidationIssue(IssueSeverity Severity, string Code, string Location, string Message)
{
    public bool IsError => Severity == IssueSeverity.Error;

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code} {Location}: {Message}";
}
