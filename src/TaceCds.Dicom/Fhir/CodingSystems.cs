using TaceCds.Fhir.Terminology;

namespace TaceCds.Dicom.Fhir;

/// <summary>
/// DICOM Coding Scheme Designator → FHIR code system URI, as in the HL7 "DICOM SR to FHIR" mapping and FHIR R4
/// terminologies-systems.html (DCM, SCT, LN, UCUM). Other designators become urn:dicom:csd:&lt;designator&gt;
/// rather than a guessed URI; the project's private scheme 99TACECDS is our own CodeSystem.
/// </summary>
public static class CodingSystems
{
    public const string DicomUidSystem = "urn:dicom:uid";

    /// <summary>Identifier system for a value that is itself a URI such as urn:uuid:… (FHIR R4 identifier-registry).</summary>
    public const string UriSystem = "urn:ietf:rfc:3986";

    public static string ForScheme(string designator, string? localScheme) => designator switch
    {
        "DCM" => CodeSystems.Dicom,
        "SCT" => CodeSystems.SnomedCt,
        "LN" => CodeSystems.Loinc,
        "UCUM" => CodeSystems.Ucum,
        _ when designator == localScheme => CodeSystems.TaceCds,
        _ => "urn:dicom:csd:" + designator,
    };
}
