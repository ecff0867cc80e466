namespace TaceCds.Fhir.Terminology;

/// <summary>Canonical URLs of the code systems TaceCds reads and writes.</summary>
public static class CodeSystems
{
    /// <summary>LOINC (FHIR R4 terminologies-systems.html).</summary>
    public const string Loinc = "http://loinc.org";
    /// <summary>SNOMED CT (FHIR R4 terminologies-systems.html).</summary>
    public const string SnomedCt = "http://snomed.info/sct";
    /// <summary>UCUM (FHIR R4 terminologies-systems.html).</summary>
    public const string Ucum = "http://unitsofmeasure.org";
    /// <summary>DICOM controlled terminology, PS3.16 (FHIR R4 terminologies-systems.html).</summary>
    public const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";
    /// <summary>ICD-10 (FHIR R4 terminologies-systems.html).</summary>
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    /// <summary>WHO ATC (FHIR R4 terminologies-systems.html).</summary>
    public const string Atc = "http://www.whocc.no/atc";
    /// <summary>The project's own CodeSystem (input-data contract; published in fhir-profiles/).</summary>
    public const string TaceCds = "https://tacecds.org/fhir/CodeSystem/tacecds";
    public const string CnlcStage = "https://tacecds.org/fhir/CodeSystem/cnlc-stage";
    public const string BclcStage = "https://tacecds.org/fhir/CodeSystem/bclc-stage";
}

/// <summary>Extension URLs defined by the project (input-data contract).</summary>
public static class ExtensionUrls
{
    public const string TaceStandardized = "https://tacecds.org/fhir/StructureDefinition/tace-standardized";
    public const string ContrastEnhanced = "https://tacecds.org/fhir/StructureDefinition/contrast-enhanced";
}
