namespace TaceCds.Clinical.Codes;

/// <summary>What an Observation is about, once its code has been recognised (see <see cref="ObservationCatalog"/>).</summary>
public enum FactKind
{
    // Labs (values normalised to the canonical unit of UnitCatalog).
    Bilirubin, Albumin, Inr, PtProlongation, Afp, Ast, Alt, Platelets, Neutrophils, Lymphocytes, PivkaII,
    // Clinical status.
    Ecog, Ascites, HepaticEncephalopathy, ReportedChildPughScore, ReportedNlr, ReportedCnlcStage, ReportedBclcStage,
    // Per lesion (focus → BodyStructure).
    ViableDiameter, LesionDiameter, TumorCapsule,
    // Per exam.
    NewIntrahepaticLesion, NewExtrahepaticLesion, NontargetResponse, VascularInvasion, ExtrahepaticSpread,
    TumorCount, LargestTumorDiameter, ReportedMrecistResponse, ReportedViablePercent, ReportedTreatmentEffect,
    // Imaging parameters (per lesion, or per exam for doses).
    CtpBvRoi, CtpBvEmbolized, CtpHap, CtpPvp, CtpHpi, CtpTtp, PctPs,
    DectIcAp, DectIcAortaAp, DectNicAp, DectCt40Ap, DectCt90Ap, DectLambdaHuAp, DectZeffAp,
    IvimAdc, IvimD, IvimDStar, IvimF,
    CtDlp, CtCtdiVol, EffectiveDose,
}

/// <summary>How the value of a kind is written.</summary>
public enum FactValueType { Quantity, Integer, Boolean, Code }
