namespace TaceCds.Fhir.Model;

public sealed class Condition : DomainResource
{
    public override string ResourceType => "Condition";
    public CodeableConcept? ClinicalStatus { get; init; }
    public CodeableConcept? VerificationStatus { get; init; }
    public IReadOnlyList<CodeableConcept> Category { get; init; } = [];
    public CodeableConcept? Code { get; init; }
    public Reference? Subject { get; init; }
    /// <summary>onsetDateTime, onsetPeriod, onsetString… (dateTime and Period modelled).</summary>
    public Element? Onset { get; init; }
    public FhirDateTime? RecordedDate { get; init; }
    public IReadOnlyList<Annotation> Note { get; init; } = [];
}
