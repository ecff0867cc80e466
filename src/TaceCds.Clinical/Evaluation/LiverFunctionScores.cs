using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

internal static class LiverFunctionScores
{
    /// <summary>Child-Pugh now: computed from the five components when all are known, else the reported score.</summary>
    public static ScoreOutput ChildPugh(ClinicalSnapshot now, List<DataIssue> issues)
    {
        var result = now.ChildPughReconciled();
        var reported = now.Latest(FactKind.ReportedChildPughScore);
        if (result.Disagreement is { } d)
            issues.Add(new DataIssue(DataIssueCodes.ReportedDisagrees, reported?.Source, d, DataIssue.Warning));
        if (result.Points is not { } points)
            return new ScoreOutput(null, result.Missing, result.Problems) { Class = result.Class };

        var json = new JsonObject
        {
            ["points"] = points,
            ["class"] = result.Class!.Value.ToString(),
            ["source"] = result.Source == ChildPughSource.Computed ? "computed" : "reported",
        };
        var inputs = result.Source == ChildPughSource.Computed ? now.ChildPughInputs() : [("reported", reported)];
        var dates = inputs.Where(i => i.Fact is not null).Select(i => i.Fact!.Date).ToList();
        if (dates.Count > 0) json["date"] = CourseJson.Day(dates.Min());
        json["inputs"] = FactJson.Inputs(inputs);
        if (result.Source == ChildPughSource.Computed && reported is not null) json["reported"] = FactJson.Write(reported);
        if (result.Disagreement is { } disagreement) json["disagreement"] = disagreement;
        return new ScoreOutput(json, []) { Class = result.Class };
    }

    public static JsonObject AlbiJson(AlbiResult albi, ClinicalSnapshot now) => new()
    {
        ["value"] = albi.Rounded,
        ["grade"] = albi.Grade,
        ["inputs"] = FactJson.Inputs([("bilirubin", now.Latest(FactKind.Bilirubin)), ("albumin", now.Latest(FactKind.Albumin))]),
    };
}
