using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;

namespace TaceCds.Report.Model;

/// <summary>
/// The series of the small multiples. Labs are the facts as normalised by the engine (canonical units of
/// UnitCatalog); Child-Pugh and ALBI are recomputed at each date one of their inputs was measured, with the same
/// snapshot rule the engine uses for "now" (latest value on or before that date), so the last point equals the header.
/// </summary>
public static class TrendBuilder
{
    public static IReadOnlyList<TrendSeries> Build(ClinicalFacts facts) =>
    [
        Lab(facts, FactKind.Afp, "afp", "AFP", "ng/mL") with { LogScale = true },
        Lab(facts, FactKind.Bilirubin, "bilirubin", "Bilirubin", "µmol/L"),
        Lab(facts, FactKind.Albumin, "albumin", "Albumin", "g/L"),
        NlrSeries(facts),
        ChildPughSeries(facts),
        AlbiSeries(facts),
    ];

    private static TrendSeries Lab(ClinicalFacts facts, FactKind kind, string key, string title, string unit) =>
        new(key, title, unit, facts.Of(kind).Where(o => o.Lesion is null && o.Number is not null)
            .Select(o => new TrendPoint(o.Date, (double)o.Number!.Value)).ToList());

    /// <summary>NLR from each neutrophil count paired with the lymphocyte count of the same sample (as the engine pairs them).</summary>
    private static TrendSeries NlrSeries(ClinicalFacts facts)
    {
        var lymphocytes = facts.Of(FactKind.Lymphocytes).Where(l => l.Lesion is null).ToList();
        var points = new List<TrendPoint>();
        foreach (var n in facts.Of(FactKind.Neutrophils).Where(o => o.Lesion is null))
        {
            var l = lymphocytes.LastOrDefault(x => x.SampleKey == n.SampleKey);
            if (l is null) continue;
            var nlr = Nlr.Compute(n.Number, l.Number);
            if (nlr.Rounded is { } r) points.Add(new TrendPoint(n.Date, (double)r));
        }
        return new TrendSeries("nlr", "NLR", "ratio", points);
    }

    private static TrendSeries ChildPughSeries(ClinicalFacts facts)
    {
        var kinds = new[] { FactKind.Bilirubin, FactKind.Albumin, FactKind.Inr, FactKind.Ascites, FactKind.HepaticEncephalopathy, FactKind.ReportedChildPughScore };
        var points = new List<TrendPoint>();
        foreach (var date in Dates(facts, kinds))
        {
            var cp = new ClinicalSnapshot(facts, date).ChildPughReconciled();
            if (cp.Points is { } p) points.Add(new TrendPoint(date, p, $"{cp.Class}{p}"));
        }
        return new TrendSeries("child-pugh", "Child-Pugh", "points", points) { ReferenceBand = (5, 6) };
    }

    private static TrendSeries AlbiSeries(ClinicalFacts facts)
    {
        var points = new List<TrendPoint>();
        foreach (var date in Dates(facts, [FactKind.Bilirubin, FactKind.Albumin]))
        {
            var snapshot = new ClinicalSnapshot(facts, date);
            var albi = Albi.Compute(snapshot.Number(FactKind.Bilirubin), snapshot.Number(FactKind.Albumin));
            if (albi.Rounded is { } r) points.Add(new TrendPoint(date, (double)r, $"{r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} (grade {albi.Grade})"));
        }
        return new TrendSeries("albi", "ALBI", "score", points) { ReferenceBand = (-4, Albi.Grade1UpperBound) };
    }

    private static IEnumerable<DateOnly> Dates(ClinicalFacts facts, IEnumerable<FactKind> kinds) =>
        kinds.SelectMany(k => facts.Of(k)).Where(o => o.Lesion is null).Select(o => o.Date).Distinct().Order();
}
