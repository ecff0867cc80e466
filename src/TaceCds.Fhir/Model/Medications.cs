namespace TaceCds.Fhir.Model;

/// <summary>What the three medication resources share, so systemic therapy can be matched once.</summary>
public abstract class MedicationResource : DomainResource
{
    public string? Status { get; init; }
    /// <summary>medicationCodeableConcept or medicationReference.</summary>
    public Element? Medication { get; init; }
    public Reference? Subject { get; init; }
    /// <summary>When it was taken, ordered or given: effective[x] / authoredOn.</summary>
    public abstract Element? When { get; }
}

public sealed class MedicationStatement : MedicationResource
{
    public override string ResourceType => "MedicationStatement";
    public Element? Effective { get; init; }
    public FhirDateTime? DateAsserted { get; init; }
    public override Element? When => Effective ?? (DateAsserted is null ? null : new FhirDateTimeValue(DateAsserted));
}

public sealed class MedicationRequest : MedicationResource
{
    public override string ResourceType => "MedicationRequest";
    public string? Intent { get; init; }
    public FhirDateTime? AuthoredOn { get; init; }
    public override Element? When => AuthoredOn is null ? null : new FhirDateTimeValue(AuthoredOn);
}

public sealed class MedicationAdministration : MedicationResource
{
    public override string ResourceType => "MedicationAdministration";
    public Element? Effective { get; init; }
    public override Element? When => Effective;
}
