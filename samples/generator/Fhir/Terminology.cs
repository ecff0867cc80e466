namespace TaceCds.SampleGenerator.Fhir;

/// <summary>A code in a code system, with the display text written to the bundle.</summary>
public sealed record Coding(string System, string Code, string Display);

/// <summary>Code systems and external codes the samples use. Every external code cites where it was checked.</summary>
public static class Terminology
{
    public const string FhirBase = "https://example.org/fhir";

    // Project namespace and code systems: /work/shared/contracts/input-data.md.
    public const string TaceCds = "https://tacecds.org/fhir/CodeSystem/tacecds";
    public const string CnlcStage = "https://tacecds.org/fhir/CodeSystem/cnlc-stage";
    public const string BclcStage = "https://tacecds.org/fhir/CodeSystem/bclc-stage";
    public const string TaceStandardizedExtension = "https://tacecds.org/fhir/StructureDefinition/tace-standardized";
    public const string ContrastEnhancedExtension = "https://tacecds.org/fhir/StructureDefinition/contrast-enhanced";
    public const string LesionIdentifierSystem = "https://example.org/fhir/lesion-id";

    // Standard systems: canonical URIs from the FHIR R4 terminology pages (hl7.org/fhir/R4/terminologies-systems.html).
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";
    public const string Atc = "http://www.whocc.no/atc";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConditionVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    public static Coding Project(string code, string display) => new(TaceCds, code, display);

    // ICD-10 C22.0 "Liver cell carcinoma" (WHO ICD-10 2019, https://icd.who.int/browse10/2019/en#/C22.0).
    public static readonly Coding HccIcd10 = new(Icd10, "C22.0", "Liver cell carcinoma");

    // SNOMED CT codes, checked in the SNOMED International browser (https://browser.ihtsdotools.org)
    // and listed in /work/shared/knowledge/clinical-reference.md section 8:
    // 109841003 Liver cell carcinoma (disorder).
    public static readonly Coding HccSnomed = new(Snomed, "109841003", "Liver cell carcinoma");
    // 441525007 Percutaneous transluminal chemoembolisation of artery (procedure) — not liver-specific.
    public static readonly Coding TaceSnomed = new(Snomed, "441525007", "Percutaneous transluminal chemoembolisation of artery");
    // 10200004 Liver structure (body structure): the contract's marker of an intrahepatic lesion.
    public static readonly Coding LiverStructure = new(Snomed, "10200004", "Liver structure");
    // 39607008 Lung structure (body structure): an extrahepatic site.
    public static readonly Coding LungStructure = new(Snomed, "39607008", "Lung structure");

    public static readonly Coding TaceProject = Project("tace", "Transarterial chemoembolization");

    // DICOM modality codes: DICOM PS3.16 CID 29 "Acquisition Modality" (dicom.nema.org/medical/dicom/current/output/chtml/part16/sect_CID_29.html).
    public static readonly Coding Ct = new(Dicom, "CT", "Computed Tomography");
    public static readonly Coding Mr = new(Dicom, "MR", "Magnetic Resonance");
    public static readonly Coding Us = new(Dicom, "US", "Ultrasound");
    public static readonly Coding Pt = new(Dicom, "PT", "Positron emission tomography");

    // LOINC codes, each checked at https://loinc.org/<code>/ (also listed in clinical-reference.md section 8).
    public static readonly Coding BilirubinMass = new(Loinc, "1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma");
    public static readonly Coding BilirubinMoles = new(Loinc, "14631-6", "Bilirubin.total [Moles/volume] in Serum or Plasma");
    public static readonly Coding Albumin = new(Loinc, "1751-7", "Albumin [Mass/volume] in Serum or Plasma");
    public static readonly Coding Inr = new(Loinc, "6301-6", "INR in Platelet poor plasma by Coagulation assay");
    public static readonly Coding Afp = new(Loinc, "1834-1", "Alpha-1-Fetoprotein [Mass/volume] in Serum or Plasma");
    public static readonly Coding Ast = new(Loinc, "1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma");
    public static readonly Coding Alt = new(Loinc, "1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma");
    public static readonly Coding Neutrophils = new(Loinc, "751-8", "Neutrophils [#/volume] in Blood by Automated count");
    public static readonly Coding Lymphocytes = new(Loinc, "731-0", "Lymphocytes [#/volume] in Blood by Automated count");
    public static readonly Coding Platelets = new(Loinc, "777-3", "Platelets [#/volume] in Blood by Automated count");
    public static readonly Coding Ecog = new(Loinc, "89247-1", "ECOG Performance Status score");

    // WHO ATC codes, from the WHOCC ATC/DDD Index (https://atcddd.fhi.no/atc_ddd_index/):
    // L01EX "Other protein kinase inhibitors", L01FF "PD-1/PDL-1 inhibitors", L01FG "VEGF/VEGFR inhibitors"
    // (the L01F level and bevacizumab's move from L01XC07 to L01FG01 are listed in WHOCC's 2022 ATC alterations).
    public static readonly Coding Lenvatinib = new(Atc, "L01EX08", "lenvatinib");
    public static readonly Coding Sorafenib = new(Atc, "L01EX02", "sorafenib");
    public static readonly Coding Atezolizumab = new(Atc, "L01FF05", "atezolizumab");
    public static readonly Coding Bevacizumab = new(Atc, "L01FG01", "bevacizumab");
    public static readonly Coding Tislelizumab = new(Atc, "L01FF09", "tislelizumab");
}
