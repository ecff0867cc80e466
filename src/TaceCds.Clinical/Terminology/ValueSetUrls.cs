namespace TaceCds.Clinical.Terminology;

/// <summary>
/// Canonical URLs of the ValueSets the engine reads (fhir-profiles/ValueSet-*.json, embedded in this assembly).
/// The codes themselves live only in those files; this class names the sets and says which a site may change.
/// </summary>
public static class ValueSetUrls
{
    public const string Base = "https://tacecds.org/fhir/ValueSet/";

    public const string TaceProcedure = Base + "tace-procedure";
    public const string CourseEndingTherapy = Base + "course-ending-therapy";
    public const string SystemicTherapy = Base + "systemic-therapy-hcc";
    public const string HccDiagnosis = Base + "hcc-diagnosis";
    public const string LiverLocation = Base + "liver-location";
    public const string LabObservation = Base + "lab-observation";
    public const string LabBilirubin = Base + "lab-bilirubin";
    public const string LabAlbumin = Base + "lab-albumin";
    public const string LabInr = Base + "lab-inr";
    public const string LabAfp = Base + "lab-afp";
    public const string LabAst = Base + "lab-ast";
    public const string LabAlt = Base + "lab-alt";
    public const string LabPlatelets = Base + "lab-platelets";
    public const string LabNeutrophils = Base + "lab-neutrophils";
    public const string LabLymphocytes = Base + "lab-lymphocytes";
    public const string LabPivkaII = Base + "lab-pivka-ii";
    public const string Ecog = Base + "ecog-performance-status";
    public const string Ascites = Base + "ascites";
    public const string HepaticEncephalopathy = Base + "hepatic-encephalopathy";
    public const string TumorCapsule = Base + "tumor-capsule";
    public const string NontargetResponse = Base + "nontarget-response";
    public const string MrecistResponse = Base + "mrecist-response";
    public const string TreatmentEffect = Base + "recicl-treatment-effect";
    public const string CnlcStage = Base + "cnlc-stage";
    public const string BclcStage = Base + "bclc-stage";

    /// <summary>
    /// The value sets a site may extend or replace: each gives one meaning to every code in it (a TACE session, a
    /// bilirubin result…), so a local code added to it means exactly that. The others hold the engine's own
    /// vocabulary — answer codes the calculators interpret (ascites grades, mRECIST categories), project codes that
    /// name several kinds at once (exam-finding, course-ending-therapy), DICOM modalities and units the course logic
    /// compares — and a site file for them is refused (TERM103).
    /// </summary>
    public static readonly IReadOnlySet<string> SiteExtensible = new HashSet<string>(StringComparer.Ordinal)
    {
        TaceProcedure, SystemicTherapy, HccDiagnosis, LiverLocation, LabObservation,
        LabBilirubin, LabAlbumin, LabInr, LabAfp, LabAst, LabAlt, LabPlatelets, LabNeutrophils, LabLymphocytes, LabPivkaII, Ecog,
    };
}
