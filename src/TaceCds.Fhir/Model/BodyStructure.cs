namespace TaceCds.Fhir.Model;

/// <summary>A lesion. Intrahepatic when <see cref="Location"/> is liver (see the input-data contract).</summary>
public sealed class BodyStructure : DomainResource
{
    public override string ResourceType => "BodyStructure";
    public IReadOnlyList<Identifier> Identifier { get; init; } = [];
    public bool? Active { get; init; }
    public CodeableConcept? Morphology { get; init; }
    public CodeableConcept? Location { get; init; }
    public IReadOnlyList<CodeableConcept> LocationQualifier { get; init; } = [];
    public string? Description { get; init; }
    public Reference? Patient { get; init; }
}
