namespace TaceCds.Fhir.Model;

/// <summary>An order, e.g. a draft TACE order in a CDS Hooks <c>order-select</c>/<c>order-sign</c> call.</summary>
public sealed class ServiceRequest : DomainResource
{
    public override string ResourceType => "ServiceRequest";
    public string? Status { get; init; }
    public string? Intent { get; init; }
    public CodeableConcept? Code { get; init; }
    public Reference? Subject { get; init; }
    public FhirDateTime? AuthoredOn { get; init; }
}
