namespace TaceCds.Fhir.Model;

public sealed class Procedure : DomainResource
{
    public override string ResourceType => "Procedure";
    public IReadOnlyList<Identifier> Identifier { get; init; } = [];
    /// <summary>preparation | in-progress | not-done | on-hold | stopped | completed | entered-in-error | unknown.</summary>
    public string? Status { get; init; }
    public CodeableConcept? Category { get; init; }
    public CodeableConcept? Code { get; init; }
    public Reference? Subject { get; init; }
    /// <summary>performedDateTime, performedPeriod, performedString, performedAge or performedRange (the last three not modelled).</summary>
    public Element? Performed { get; init; }
    public IReadOnlyList<CodeableConcept> BodySite { get; init; } = [];
    public IReadOnlyList<Reference> Focus { get; init; } = [];
    public IReadOnlyList<Annotation> Note { get; init; } = [];
}
