using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// NLR now from the latest neutrophil/lymphocyte pair of one blood sample; else the latest reported NLR. Either must be
/// current (labs recency, clinical-reference.md §5): a stale pair or report is set aside, never used as if current.
/// </summary>
internal static class NlrScore
{
    private static readonly FactKind[] Kinds = [FactKind.Neutrophils, FactKind.Lymphocytes, FactKind.ReportedNlr];

    public static ScoreOutput Evaluate(ClinicalFacts facts, ClinicalSnapshot now, List<DataIssue> issues)
    {
        var lymphocytes = facts.Of(FactKind.Lymphocytes).ToList();
        var latestPair = facts.Of(FactKind.Neutrophils).Reverse()
            .Select(n => (Neutrophils: n, Lymphocytes: lymphocytes.LastOrDefault(l => l.SampleKey == n.SampleKey)))
            .FirstOrDefault(p => p.Lymphocytes is not null);
        var latestReported = facts.Of(FactKind.ReportedNlr).LastOrDefault();
        var stale = new List<StaleValue>();
        var pair = latestPair.Neutrophils is { } pn && now.CheckRecency(FactKind.Neutrophils, pn) is { } stalePair
            ? Keep(stale, stalePair, default((ObservationFact Neutrophils, ObservationFact? Lymphocytes)))
            : latestPair;
        var reported = latestReported is not null && now.CheckRecency(FactKind.ReportedNlr, latestReported) is { } staleReport
            ? Keep(stale, staleReport, (ObservationFact?)null)
            : latestReported;
        var output = Compute(pair, reported, issues);
        return output with { Stale = stale, Recency = now.Describe(Kinds) };
    }

    private static T Keep<T>(List<StaleValue> stale, StaleValue value, T replacement)
    {
        stale.Add(value);
        return replacement;
    }

    private static ScoreOutput Compute((ObservationFact Neutrophils, ObservationFact? Lymphocytes) pair, ObservationFact? reported, List<DataIssue> issues)
    {
        if (pair.Lymphocytes is { } lymph)
        {
            var result = Nlr.Compute(pair.Neutrophils.Number, lymph.Number);
            if (result.IsComputable)
            {
                var json = new JsonObject
                {
                    ["value"] = result.Rounded,
                    ["date"] = CourseJson.Day(pair.Neutrophils.Date),
                    ["source"] = "computed",
                    ["inputs"] = FactJson.Inputs([("neutrophils", pair.Neutrophils), ("lymphocytes", lymph)]),
                };
                if (reported is { Number: { } r } && reported.Date == pair.Neutrophils.Date && Math.Abs(r - result.Value!.Value) > 0.1m)
                {
                    json["reported"] = FactJson.Write(reported);
                    issues.Add(new DataIssue(DataIssueCodes.ReportedDisagrees, reported.Source,
                        $"reported NLR {r} differs from the NLR computed from the same day's counts ({result.Rounded}); the computed value is used", DataIssue.Information));
                }
                return new ScoreOutput(json, []);
            }
        }
        if (reported is { Number: { } value })
            return new ScoreOutput(new JsonObject
            {
                ["value"] = value, ["date"] = CourseJson.Day(reported.Date), ["source"] = "reported", ["inputs"] = FactJson.Inputs([("nlr", reported)]),
            }, []);
        return new ScoreOutput(null, ["neutrophils and lymphocytes from one sample", "reported NLR"]);
    }
}
