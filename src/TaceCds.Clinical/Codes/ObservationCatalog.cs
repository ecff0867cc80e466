using TaceCds.Clinical.Terminology;

namespace TaceCds.Clinical.Codes;

/// <summary>One recognised Observation code: its kind, how its value is written, and the kind's name.</summary>
public sealed record CatalogEntry(FactKind Kind, FactValueType ValueType, string Name);

/// <summary>
/// How the engine recognises one kind of Observation. <see cref="CodesFrom"/>: a value set every code of which means
/// this kind (LOINC lab codes, ECOG) — the codes are read from that FHIR ValueSet at start-up, and a site may add its
/// own. Null: the kind is recognised by its project code <c>tacecds#Name</c> (CodeSystem-tacecds.json).
/// <see cref="AnswersFrom"/>: for coded values, the value set of the answers the engine interprets.
/// </summary>
public sealed record KindBinding(CatalogEntry Entry, string? CodesFrom = null, string? AnswersFrom = null);

/// <summary>
/// The Observation kinds TaceCds reads (the input-data contract) and where each one's codes come from. No external
/// code is written here: LOINC codes live in fhir-profiles/ValueSet-lab-*.json (sources in fhir-profiles/codes.md)
/// and are loaded by <see cref="TerminologyLoader"/>; the lookup itself is <see cref="EngineTerminology.FindObservation"/>.
/// </summary>
public static class ObservationCatalog
{
    public static IReadOnlyList<KindBinding> Kinds { get; } =
    [
        Lab(FactKind.Bilirubin, "bilirubin", ValueSetUrls.LabBilirubin),
        Lab(FactKind.Albumin, "albumin", ValueSetUrls.LabAlbumin),
        Lab(FactKind.Inr, "inr", ValueSetUrls.LabInr),
        Lab(FactKind.Afp, "afp", ValueSetUrls.LabAfp),
        Lab(FactKind.Ast, "ast", ValueSetUrls.LabAst),
        Lab(FactKind.Alt, "alt", ValueSetUrls.LabAlt),
        Lab(FactKind.Platelets, "platelets", ValueSetUrls.LabPlatelets),
        Lab(FactKind.Neutrophils, "neutrophils", ValueSetUrls.LabNeutrophils),
        Lab(FactKind.Lymphocytes, "lymphocytes", ValueSetUrls.LabLymphocytes),
        Lab(FactKind.PivkaII, "pivka-ii", ValueSetUrls.LabPivkaII),
        new(new(FactKind.Ecog, FactValueType.Integer, "ecog"), ValueSetUrls.Ecog),

        Own("ascites", FactKind.Ascites, FactValueType.Code, ValueSetUrls.Ascites),
        Own("hepatic-encephalopathy", FactKind.HepaticEncephalopathy, FactValueType.Code, ValueSetUrls.HepaticEncephalopathy),
        Own("pt-prolongation", FactKind.PtProlongation, FactValueType.Quantity),
        Own("child-pugh-score", FactKind.ReportedChildPughScore, FactValueType.Integer),
        Own("nlr", FactKind.ReportedNlr, FactValueType.Quantity),
        Own("cnlc-stage", FactKind.ReportedCnlcStage, FactValueType.Code, ValueSetUrls.CnlcStage),
        Own("bclc-stage", FactKind.ReportedBclcStage, FactValueType.Code, ValueSetUrls.BclcStage),
        Own("viable-diameter", FactKind.ViableDiameter, FactValueType.Quantity),
        Own("lesion-diameter", FactKind.LesionDiameter, FactValueType.Quantity),
        Own("tumor-capsule", FactKind.TumorCapsule, FactValueType.Code, ValueSetUrls.TumorCapsule),
        Own("new-intrahepatic-lesion", FactKind.NewIntrahepaticLesion, FactValueType.Boolean),
        Own("new-extrahepatic-lesion", FactKind.NewExtrahepaticLesion, FactValueType.Boolean),
        Own("nontarget-response", FactKind.NontargetResponse, FactValueType.Code, ValueSetUrls.NontargetResponse),
        Own("vascular-invasion", FactKind.VascularInvasion, FactValueType.Boolean),
        Own("extrahepatic-spread", FactKind.ExtrahepaticSpread, FactValueType.Boolean),
        Own("tumor-count", FactKind.TumorCount, FactValueType.Integer),
        Own("largest-tumor-diameter", FactKind.LargestTumorDiameter, FactValueType.Quantity),
        Own("mrecist-response", FactKind.ReportedMrecistResponse, FactValueType.Code, ValueSetUrls.MrecistResponse),
        Own("viable-tumor-percent", FactKind.ReportedViablePercent, FactValueType.Quantity),
        // RECICL treatment effect of the treated tumor (Liver Cancer Study Group of Japan), as the radiologist reports it.
        Own("recicl-treatment-effect", FactKind.ReportedTreatmentEffect, FactValueType.Code, ValueSetUrls.TreatmentEffect),
        Own("ctp-bv-roi", FactKind.CtpBvRoi, FactValueType.Quantity),
        Own("ctp-bv-embolized", FactKind.CtpBvEmbolized, FactValueType.Quantity),
        Own("ctp-hap", FactKind.CtpHap, FactValueType.Quantity),
        Own("ctp-pvp", FactKind.CtpPvp, FactValueType.Quantity),
        Own("ctp-hpi", FactKind.CtpHpi, FactValueType.Quantity),
        Own("ctp-ttp", FactKind.CtpTtp, FactValueType.Quantity),
        Own("pct-ps", FactKind.PctPs, FactValueType.Quantity),
        Own("dect-ic-ap", FactKind.DectIcAp, FactValueType.Quantity),
        Own("dect-ic-aorta-ap", FactKind.DectIcAortaAp, FactValueType.Quantity),
        Own("dect-nic-ap", FactKind.DectNicAp, FactValueType.Quantity),
        Own("dect-ct40-ap", FactKind.DectCt40Ap, FactValueType.Quantity),
        Own("dect-ct90-ap", FactKind.DectCt90Ap, FactValueType.Quantity),
        Own("dect-lambda-hu-ap", FactKind.DectLambdaHuAp, FactValueType.Quantity),
        Own("dect-zeff-ap", FactKind.DectZeffAp, FactValueType.Quantity),
        Own("ivim-adc", FactKind.IvimAdc, FactValueType.Quantity),
        Own("ivim-d", FactKind.IvimD, FactValueType.Quantity),
        Own("ivim-dstar", FactKind.IvimDStar, FactValueType.Quantity),
        Own("ivim-f", FactKind.IvimF, FactValueType.Quantity),
        Own("ct-dlp", FactKind.CtDlp, FactValueType.Quantity),
        Own("ct-ctdivol", FactKind.CtCtdiVol, FactValueType.Quantity),
        Own("effective-dose", FactKind.EffectiveDose, FactValueType.Quantity),
    ];

    private static readonly Dictionary<FactKind, KindBinding> ByKind = Kinds.ToDictionary(k => k.Entry.Kind);

    /// <summary>The binding of a kind (every <see cref="FactKind"/> Observations carry has one).</summary>
    public static KindBinding For(FactKind kind) => ByKind[kind];

    /// <summary>The kind's name as the project CodeSystem spells it (the key rules use).</summary>
    public static string Name(FactKind kind) => ByKind[kind].Entry.Name;

    private static KindBinding Lab(FactKind kind, string name, string valueSet) => new(new(kind, FactValueType.Quantity, name), valueSet);

    private static KindBinding Own(string code, FactKind kind, FactValueType type, string? answers = null) => new(new(kind, type, code), null, answers);
}
