namespace TaceCds.Store.Records;

/// <summary>
/// A card we returned: its uuid (the key feedback refers to), the rule and rule version that produced it, and
/// the FHIR references of the evidence it used (e.g. "Observation/bili-1"), so a decision can be re-traced.
/// </summary>
public sealed record AuditCard
{
    public required string Uuid { get; init; }
    public required string RuleId { get; init; }
    public required string RuleVersion { get; init; }
    public string? Indicator { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> EvidenceReferences { get; init; } = [];
}
