using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// The latest value of each kind inside a time window (after <see cref="After"/>, on or before <see cref="OnOrBefore"/>).
/// Scores compared over time (ART, ABCR) take their second time point strictly after the first, so one old value is
/// never used for both and read as "no change".
/// </summary>
public sealed class ClinicalSnapshot(ClinicalFacts facts, DateOnly onOrBefore, DateOnly? after = null)
{
    public DateOnly OnOrBefore { get; } = onOrBefore;
    public DateOnly? After { get; } = after;

    public ObservationFact? Latest(FactKind kind)
    {
        ObservationFact? latest = null;
        foreach (var o in facts.Of(kind))
        {
            if (o.Date > OnOrBefore || (After is { } a && o.Date <= a)) continue;
            if (o.Lesion is not null) continue;
            if (latest is null || o.Date >= latest.Date) latest = o;
        }
        return latest;
    }

    public decimal? Number(FactKind kind) => Latest(kind)?.Number;

    public Ascites? Ascites => Latest(FactKind.Ascites)?.Code switch
    {
        "none" => Scores.Ascites.None,
        "mild" => Scores.Ascites.Mild,
        "moderate-severe" => Scores.Ascites.ModerateSevere,
        _ => null,
    };

    public HepaticEncephalopathy? Encephalopathy => Latest(FactKind.HepaticEncephalopathy)?.Code switch
    {
        "none" => HepaticEncephalopathy.None,
        "grade-1-2" => HepaticEncephalopathy.Grade1To2,
        "grade-3-4" => HepaticEncephalopathy.Grade3To4,
        _ => null,
    };

    public ChildPughResult ChildPugh() =>
        Scores.ChildPugh.Compute(Number(FactKind.Bilirubin), Number(FactKind.Albumin), Number(FactKind.Inr), Ascites, Encephalopathy);

    public ChildPughReconciliation ChildPughReconciled() =>
        Scores.ChildPugh.Reconcile(ChildPugh(), Latest(FactKind.ReportedChildPughScore)?.Number is { } r ? (int)r : null);

    /// <summary>The facts Child-Pugh reads here, for evidence.</summary>
    public IEnumerable<(string Name, ObservationFact? Fact)> ChildPughInputs() =>
    [
        ("bilirubin", Latest(FactKind.Bilirubin)), ("albumin", Latest(FactKind.Albumin)), ("inr", Latest(FactKind.Inr)),
        ("ascites", Latest(FactKind.Ascites)), ("hepaticEncephalopathy", Latest(FactKind.HepaticEncephalopathy)),
    ];

    public StagingInputs StagingInputs(ChildPughClass? childPughClass) => new(
        Number(FactKind.Ecog) is { } ps ? (int)ps : null,
        childPughClass,
        Number(FactKind.TumorCount) is { } n ? (int)n : null,
        Number(FactKind.LargestTumorDiameter),
        Latest(FactKind.VascularInvasion)?.Flag,
        Latest(FactKind.ExtrahepaticSpread)?.Flag);

    public IEnumerable<(string Name, ObservationFact? Fact)> StagingFacts() =>
    [
        ("ecog", Latest(FactKind.Ecog)), ("tumorCount", Latest(FactKind.TumorCount)), ("largestTumorDiameter", Latest(FactKind.LargestTumorDiameter)),
        ("vascularInvasion", Latest(FactKind.VascularInvasion)), ("extrahepaticSpread", Latest(FactKind.ExtrahepaticSpread)),
    ];
}
