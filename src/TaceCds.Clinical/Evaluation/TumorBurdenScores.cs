using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>Up-to-seven, six-and-twelve, HAP and mHAP-II from the latest reported tumor number and largest diameter.</summary>
internal static class TumorBurdenScores
{
    public sealed record Result(JsonObject? UpToSeven, JsonObject? SixAndTwelve, IReadOnlyList<string> Missing,
        JsonObject? Hap, IReadOnlyList<string> HapMissing, JsonObject? MHap2, IReadOnlyList<string> MHap2Missing);

    public static Result Evaluate(ClinicalSnapshot now)
    {
        var count = now.Latest(FactKind.TumorCount);
        var largest = now.Latest(FactKind.LargestTumorDiameter);
        int? n = count?.Number is { } c ? (int)c : null;
        var burdenInputs = FactJson.Inputs([("tumorCount", count), ("largestTumorDiameter", largest)]);

        var upToSeven = UpToSeven.Compute(largest?.Number, n);
        var sixAndTwelve = SixAndTwelve.Compute(largest?.Number, n);
        var hapInputs = new[]
        {
            ("largestTumorDiameter", largest), ("afp", now.Latest(FactKind.Afp)),
            ("albumin", now.Latest(FactKind.Albumin)), ("bilirubin", now.Latest(FactKind.Bilirubin)),
        };
        var hap = Hap.Compute(largest?.Number, now.Number(FactKind.Afp), now.Number(FactKind.Albumin), now.Number(FactKind.Bilirubin));
        var mhap2 = Hap.ComputeMHap2(largest?.Number, now.Number(FactKind.Afp), now.Number(FactKind.Albumin), now.Number(FactKind.Bilirubin), n);

        return new Result(
            upToSeven.IsComputable ? new JsonObject { ["value"] = upToSeven.Value, ["within"] = upToSeven.Within, ["inputs"] = burdenInputs.DeepClone() } : null,
            sixAndTwelve.IsComputable
                ? new JsonObject
                {
                    ["value"] = sixAndTwelve.Value, ["stratum"] = sixAndTwelve.Stratum,
                    ["medianOverallSurvivalMonths"] = sixAndTwelve.MedianOverallSurvivalMonths, ["inputs"] = burdenInputs.DeepClone(),
                }
                : null,
            upToSeven.Missing,
            hap.IsComputable ? new JsonObject { ["points"] = hap.Points, ["class"] = hap.Class, ["inputs"] = FactJson.Inputs(hapInputs) } : null,
            hap.Missing,
            mhap2.IsComputable ? new JsonObject { ["points"] = mhap2.Points, ["class"] = mhap2.Class, ["inputs"] = FactJson.Inputs([.. hapInputs, ("tumorCount", count)]) } : null,
            mhap2.Missing);
    }
}
