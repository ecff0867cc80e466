namespace TaceCds.Fhir.Model;

public sealed class ImagingStudy : DomainResource
{
    public override string ResourceType => "ImagingStudy";
    /// <summary>Usually the DICOM Study Instance UID as <c>urn:oid:…</c> (system <c>urn:dicom:uid</c>).</summary>
    public IReadOnlyList<Identifier> Identifier { get; init; } = [];
    /// <summary>registered | available | cancelled | entered-in-error | unknown.</summary>
    public string? Status { get; init; }
    /// <summary>DICOM modality codes (system http://dicom.nema.org/resources/ontology/DCM).</summary>
    public IReadOnlyList<Coding> Modality { get; init; } = [];
    public Reference? Subject { get; init; }
    public FhirDateTime? Started { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<ImagingStudySeries> Series { get; init; } = [];
}

public sealed class ImagingStudySeries
{
    public string? Uid { get; init; }
    public Coding? Modality { get; init; }
    public string? Description { get; init; }
    public CodeableConcept? BodySite { get; init; }
}
