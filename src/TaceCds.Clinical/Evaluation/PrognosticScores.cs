using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// HAP and mHAP-II: prognostic scores for a patient about to have TACE, so computed from values before the 1st TACE of
/// the course (clinical-reference.md §4–5, "before TACE n" recency); without a session yet, from current values.
/// </summary>
internal static class PrognosticScores
{
    private static readonly FactKind[] HapKinds = [FactKind.LargestTumorDiameter, FactKind.Afp, FactKind.Albumin, FactKind.Bilirubin];
    private static readonly FactKind[] MHap2Kinds = [.. HapKinds, FactKind.TumorCount];

    public sealed record Result(ScoreOutput Hap, ScoreOutput MHap2);

    public static Result Evaluate(ClinicalSnapshot before, string assessedBefore)
    {
        var largest = before.Latest(FactKind.LargestTumorDiameter);
        var count = before.Latest(FactKind.TumorCount);
        int? n = count?.Number is { } c ? (int)c : null;
        (string, Facts.ObservationFact?)[] inputs =
        [
            ("largestTumorDiameter", largest), ("afp", before.Latest(FactKind.Afp)),
            ("albumin", before.Latest(FactKind.Albumin)), ("bilirubin", before.Latest(FactKind.Bilirubin)),
        ];
        var hap = Hap.Compute(largest?.Number, before.Number(FactKind.Afp), before.Number(FactKind.Albumin), before.Number(FactKind.Bilirubin));
        var mhap2 = Hap.ComputeMHap2(largest?.Number, before.Number(FactKind.Afp), before.Number(FactKind.Albumin), before.Number(FactKind.Bilirubin), n);
        return new Result(
            Output(hap, FactJson.Inputs(inputs), assessedBefore) with { Stale = before.StaleAmong(HapKinds), Recency = before.Describe(HapKinds) },
            Output(mhap2, FactJson.Inputs([.. inputs, ("tumorCount", count)]), assessedBefore) with { Stale = before.StaleAmong(MHap2Kinds), Recency = before.Describe(MHap2Kinds) });
    }

    private static ScoreOutput Output(HapResult result, JsonObject inputs, string assessedBefore) => new(
        result.IsComputable ? new JsonObject { ["points"] = result.Points, ["class"] = result.Class, ["assessedBefore"] = assessedBefore, ["inputs"] = inputs } : null,
        result.Missing, result.Problems);
}
