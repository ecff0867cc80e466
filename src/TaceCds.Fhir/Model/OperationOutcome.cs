namespace TaceCds.Fhir.Model;

public sealed class OperationOutcome : DomainResource
{
    public override string ResourceType => "OperationOutcome";
    public IReadOnlyList<OperationOutcomeIssue> Issue { get; init; } = [];
}

public sealed class OperationOutcomeIssue
{
    /// <summary>fatal | error | warning | information.</summary>
    public required string Severity { get; init; }
    /// <summary>An IssueType code (invalid, structure, required, value, not-found, too-costly, …).</summary>
    public required string Code { get; init; }
    public CodeableConcept? Details { get; init; }
    public string? Diagnostics { get; init; }
    /// <summary>FHIRPath or JSON path of the element in question.</summary>
    public IReadOnlyList<string> Expression { get; init; } = [];
}
