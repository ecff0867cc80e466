using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Codes;

/// <summary>One recognised Observation code.</summary>
public sealed record CatalogEntry(FactKind Kind, FactValueType ValueType, string Name);

/// <summary>
/// The Observation codes TaceCds reads (the input-data contract). LOINC codes: clinical-reference.md §8, each
/// "confirmed in published IGs" (e.g. 1975-2 Bilirubin.total [Mass/volume], 14631-6 Bilirubin.total [Moles/volume],
/// 1751-7 Albumin [Mass/volume], 6301-6 INR, 1834-1 and 53962-7 AFP, 1920-8 AST, 1742-6 ALT, 777-3 Platelets,
/// 751-8 and 26499-4 Neutrophils, 731-0 Lymphocytes, 34444-0 PIVKA-II, 89247-1 ECOG performance status; see loinc.org).
/// Everything else uses the project CodeSystem (fhir-profiles/CodeSystem-tacecds.json).
/// </summary>
public static class ObservationCatalog
{
    private static readonly Dictionary<(string System, string Code), CatalogEntry> Entries = Build();

    public static CatalogEntry? Find(string? system, string? code) =>
        system is null || code is null ? null : Entries.GetValueOrDefault((system, code));

    /// <summary>Every recognised (system, code) pair, for documentation and profiles.</summary>
    public static IEnumerable<KeyValuePair<(string System, string Code), CatalogEntry>> All => Entries;

    private static Dictionary<(string, string), CatalogEntry> Build()
    {
        var map = new Dictionary<(string, string), CatalogEntry>();
        void Loinc(string code, FactKind kind, FactValueType type, string name) => map[(CodeSystems.Loinc, code)] = new(kind, type, name);
        void Own(string code, FactKind kind, FactValueType type) => map[(CodeSystems.TaceCds, code)] = new(kind, type, code);

        Loinc("1975-2", FactKind.Bilirubin, FactValueType.Quantity, "bilirubin");
        Loinc("14631-6", FactKind.Bilirubin, FactValueType.Quantity, "bilirubin");
        Loinc("1751-7", FactKind.Albumin, FactValueType.Quantity, "albumin");
        Loinc("6301-6", FactKind.Inr, FactValueType.Quantity, "inr");
        Loinc("1834-1", FactKind.Afp, FactValueType.Quantity, "afp");
        Loinc("53962-7", FactKind.Afp, FactValueType.Quantity, "afp");
        Loinc("1920-8", FactKind.Ast, FactValueType.Quantity, "ast");
        Loinc("1742-6", FactKind.Alt, FactValueType.Quantity, "alt");
        Loinc("777-3", FactKind.Platelets, FactValueType.Quantity, "platelets");
        Loinc("751-8", FactKind.Neutrophils, FactValueType.Quantity, "neutrophils");
        Loinc("26499-4", FactKind.Neutrophils, FactValueType.Quantity, "neutrophils");
        Loinc("731-0", FactKind.Lymphocytes, FactValueType.Quantity, "lymphocytes");
        Loinc("34444-0", FactKind.PivkaII, FactValueType.Quantity, "pivka-ii");
        Loinc("89247-1", FactKind.Ecog, FactValueType.Integer, "ecog");

        Own("ascites", FactKind.Ascites, FactValueType.Code);
        Own("hepatic-encephalopathy", FactKind.HepaticEncephalopathy, FactValueType.Code);
        Own("pt-prolongation", FactKind.PtProlongation, FactValueType.Quantity);
        Own("child-pugh-score", FactKind.ReportedChildPughScore, FactValueType.Integer);
        Own("nlr", FactKind.ReportedNlr, FactValueType.Quantity);
        Own("cnlc-stage", FactKind.ReportedCnlcStage, FactValueType.Code);
        Own("bclc-stage", FactKind.ReportedBclcStage, FactValueType.Code);
        Own("viable-diameter", FactKind.ViableDiameter, FactValueType.Quantity);
        Own("lesion-diameter", FactKind.LesionDiameter, FactValueType.Quantity);
        Own("tumor-capsule", FactKind.TumorCapsule, FactValueType.Code);
        Own("new-intrahepatic-lesion", FactKind.NewIntrahepaticLesion, FactValueType.Boolean);
        Own("new-extrahepatic-lesion", FactKind.NewExtrahepaticLesion, FactValueType.Boolean);
        Own("nontarget-response", FactKind.NontargetResponse, FactValueType.Code);
        Own("vascular-invasion", FactKind.VascularInvasion, FactValueType.Boolean);
        Own("extrahepatic-spread", FactKind.ExtrahepaticSpread, FactValueType.Boolean);
        Own("tumor-count", FactKind.TumorCount, FactValueType.Integer);
        Own("largest-tumor-diameter", FactKind.LargestTumorDiameter, FactValueType.Quantity);
        Own("mrecist-response", FactKind.ReportedMrecistResponse, FactValueType.Code);
        Own("viable-tumor-percent", FactKind.ReportedViablePercent, FactValueType.Quantity);
        Own("recicl-treatment-effect", FactKind.ReportedTreatmentEffect, FactValueType.Code);
        Own("ctp-bv-roi", FactKind.CtpBvRoi, FactValueType.Quantity);
        Own("ctp-bv-embolized", FactKind.CtpBvEmbolized, FactValueType.Quantity);
        Own("ctp-hap", FactKind.CtpHap, FactValueType.Quantity);
        Own("ctp-pvp", FactKind.CtpPvp, FactValueType.Quantity);
        Own("ctp-hpi", FactKind.CtpHpi, FactValueType.Quantity);
        Own("ctp-ttp", FactKind.CtpTtp, FactValueType.Quantity);
        Own("pct-ps", FactKind.PctPs, FactValueType.Quantity);
        Own("dect-ic-ap", FactKind.DectIcAp, FactValueType.Quantity);
        Own("dect-ic-aorta-ap", FactKind.DectIcAortaAp, FactValueType.Quantity);
        Own("dect-nic-ap", FactKind.DectNicAp, FactValueType.Quantity);
        Own("dect-ct40-ap", FactKind.DectCt40Ap, FactValueType.Quantity);
        Own("dect-ct90-ap", FactKind.DectCt90Ap, FactValueType.Quantity);
        Own("dect-lambda-hu-ap", FactKind.DectLambdaHuAp, FactValueType.Quantity);
        Own("dect-zeff-ap", FactKind.DectZeffAp, FactValueType.Quantity);
        Own("ivim-adc", FactKind.IvimAdc, FactValueType.Quantity);
        Own("ivim-d", FactKind.IvimD, FactValueType.Quantity);
        Own("ivim-dstar", FactKind.IvimDStar, FactValueType.Quantity);
        Own("ivim-f", FactKind.IvimF, FactValueType.Quantity);
        Own("ct-dlp", FactKind.CtDlp, FactValueType.Quantity);
        Own("ct-ctdivol", FactKind.CtCtdiVol, FactValueType.Quantity);
        Own("effective-dose", FactKind.EffectiveDose, FactValueType.Quantity);
        return map;
    }
}
