namespace TaceCds.Fhir.Model;

public sealed class Patient : DomainResource
{
    public override string ResourceType => "Patient";
    public IReadOnlyList<Identifier> Identifier { get; init; } = [];
    public bool? Active { get; init; }
    public IReadOnlyList<HumanName> Name { get; init; } = [];
    /// <summary>male | female | other | unknown.</summary>
    public string? Gender { get; init; }
    public FhirDateTime? BirthDate { get; init; }
    /// <summary>deceasedBoolean or deceasedDateTime.</summary>
    public Element? Deceased { get; init; }
}
