using TaceCds.Clinical.Codes;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// How old a score input may be (clinical-reference.md §5 "Recency"). "Now": labs and clinical status (ascites,
/// encephalopathy, a reported Child-Pugh score) 30 days, ECOG 30 days, staging imaging 28 days; "before TACE n": the
/// latest value drawn before that procedure and within 14 days of it. In both, a value from before the latest
/// liver-directed procedure is never current (embolization changes liver tests for days to weeks). Each limit is
/// configurable; the one used is stated on the score.
/// </summary>
public sealed record RecencyOptions
{
    /// <summary>Labs (bilirubin, albumin, INR, PT, AFP, AST, blood counts, a reported NLR), in days before asOf.</summary>
    public int LabDays { get; init; } = 30;

    /// <summary>Ascites, hepatic encephalopathy and a reported Child-Pugh score, in days before asOf.</summary>
    public int ClinicalStatusDays { get; init; } = 30;

    /// <summary>ECOG performance status, in days before asOf.</summary>
    public int EcogDays { get; init; } = 30;

    /// <summary>Tumor number and size, vascular invasion, extrahepatic spread and a reported stage, in days before asOf.</summary>
    public int StagingImagingDays { get; init; } = 28;

    /// <summary>"Before TACE n" values: at most this many days before that procedure.</summary>
    public int BeforeProcedureDays { get; init; } = 14;

    public static readonly RecencyOptions Default = new();

    /// <summary>The input group a kind belongs to, for the limit and for the sentence on the card; null for kinds no score reads.</summary>
    public static RecencyGroup? GroupOf(FactKind kind) => kind switch
    {
        FactKind.Bilirubin or FactKind.Albumin or FactKind.Inr or FactKind.PtProlongation or FactKind.Afp or FactKind.Ast
            or FactKind.Alt or FactKind.Platelets or FactKind.Neutrophils or FactKind.Lymphocytes or FactKind.PivkaII
            or FactKind.ReportedNlr => RecencyGroup.Labs,
        FactKind.Ascites or FactKind.HepaticEncephalopathy or FactKind.ReportedChildPughScore => RecencyGroup.ClinicalStatus,
        FactKind.Ecog => RecencyGroup.Ecog,
        FactKind.TumorCount or FactKind.LargestTumorDiameter or FactKind.VascularInvasion or FactKind.ExtrahepaticSpread
            or FactKind.ReportedCnlcStage or FactKind.ReportedBclcStage => RecencyGroup.StagingImaging,
        _ => null,
    };

    /// <summary>The "now" limit in days for a group.</summary>
    public int NowDays(RecencyGroup group) => group switch
    {
        RecencyGroup.Labs => LabDays,
        RecencyGroup.ClinicalStatus => ClinicalStatusDays,
        RecencyGroup.Ecog => EcogDays,
        RecencyGroup.StagingImaging => StagingImagingDays,
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    public static string Name(RecencyGroup group) => group switch
    {
        RecencyGroup.Labs => "labs",
        RecencyGroup.ClinicalStatus => "clinical status",
        RecencyGroup.Ecog => "ECOG",
        RecencyGroup.StagingImaging => "staging imaging",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };
}

/// <summary>Inputs that share a recency limit.</summary>
public enum RecencyGroup { Labs, ClinicalStatus, Ecog, StagingImaging }
