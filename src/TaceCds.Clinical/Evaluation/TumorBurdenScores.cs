using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>Up-to-seven and six-and-twelve from the current tumor number and largest diameter (staging imaging recency).</summary>
internal static class TumorBurdenScores
{
    private static readonly FactKind[] Kinds = [FactKind.TumorCount, FactKind.LargestTumorDiameter];

    public sealed record Result(ScoreOutput UpToSeven, ScoreOutput SixAndTwelve);

    public static Result Evaluate(ClinicalSnapshot now)
    {
        var count = now.Latest(FactKind.TumorCount);
        var largest = now.Latest(FactKind.LargestTumorDiameter);
        int? n = count?.Number is { } c ? (int)c : null;
        var inputs = FactJson.Inputs([("tumorCount", count), ("largestTumorDiameter", largest)]);
        var stale = now.StaleAmong(Kinds);
        var recency = now.Describe(Kinds);

        var upToSeven = UpToSeven.Compute(largest?.Number, n);
        var sixAndTwelve = SixAndTwelve.Compute(largest?.Number, n);
        return new Result(
            new ScoreOutput(
                upToSeven.IsComputable ? new JsonObject { ["value"] = upToSeven.Value, ["within"] = upToSeven.Within, ["inputs"] = inputs.DeepClone() } : null,
                upToSeven.Missing, upToSeven.Problems) { Stale = stale, Recency = recency },
            new ScoreOutput(
                sixAndTwelve.IsComputable
                    ? new JsonObject
                    {
                        ["value"] = sixAndTwelve.Value, ["stratum"] = sixAndTwelve.Stratum,
                        ["medianOverallSurvivalMonths"] = sixAndTwelve.MedianOverallSurvivalMonths, ["inputs"] = inputs.DeepClone(),
                    }
                    : null,
                sixAndTwelve.Missing, sixAndTwelve.Problems) { Stale = stale, Recency = recency });
    }
}
