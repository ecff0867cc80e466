namespace TaceCds.Fhir.Model;

public sealed class Observation : DomainResource
{
    public override string ResourceType => "Observation";
    public IReadOnlyList<Identifier> Identifier { get; init; } = [];
    /// <summary>registered | preliminary | final | amended | corrected | cancelled | entered-in-error | unknown.</summary>
    public string? Status { get; init; }
    public IReadOnlyList<CodeableConcept> Category { get; init; } = [];
    public CodeableConcept? Code { get; init; }
    public Reference? Subject { get; init; }
    public IReadOnlyList<Reference> Focus { get; init; } = [];
    public Reference? Encounter { get; init; }
    /// <summary>effectiveDateTime (FhirDateTimeValue), effectivePeriod, effectiveInstant or effectiveTiming (not modelled).</summary>
    public Element? Effective { get; init; }
    public FhirDateTime? Issued { get; init; }
    /// <summary>valueQuantity, valueCodeableConcept, valueString, valueBoolean, valueInteger, valueRange, valueRatio,
    /// valueTime, valueDateTime, valuePeriod (valueSampledData is kept only in Json).</summary>
    public Element? Value { get; init; }
    public CodeableConcept? DataAbsentReason { get; init; }
    public IReadOnlyList<CodeableConcept> Interpretation { get; init; } = [];
    public IReadOnlyList<Annotation> Note { get; init; } = [];
    public CodeableConcept? BodySite { get; init; }
    public CodeableConcept? Method { get; init; }
    public Reference? Specimen { get; init; }
    public IReadOnlyList<Reference> HasMember { get; init; } = [];
    public IReadOnlyList<Reference> DerivedFrom { get; init; } = [];
    public IReadOnlyList<ObservationComponent> Component { get; init; } = [];
}

public sealed class ObservationComponent
{
    public CodeableConcept? Code { get; init; }
    public Element? Value { get; init; }
    public CodeableConcept? DataAbsentReason { get; init; }
}
