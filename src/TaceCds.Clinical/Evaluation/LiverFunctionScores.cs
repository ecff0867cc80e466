using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>Child-Pugh and ALBI at one time point (now, or before the 1st TACE), by one calculator each.</summary>
internal static class LiverFunctionScores
{
    private static readonly FactKind[] AlbiKinds = [FactKind.Bilirubin, FactKind.Albumin];

    /// <summary>Child-Pugh: computed from the five components when all are current, else a current reported score.</summary>
    public static ScoreOutput ChildPugh(ClinicalSnapshot at, List<DataIssue> issues)
    {
        var result = at.ChildPughReconciled();
        var computed = at.ChildPugh();
        var stale = at.StaleAmong(ClinicalSnapshot.ChildPughKinds);
        var recency = at.Describe(ClinicalSnapshot.ChildPughKinds);
        var reported = at.Latest(FactKind.ReportedChildPughScore);
        if (result.Disagreement is { } d)
            issues.Add(new DataIssue(DataIssueCodes.ReportedDisagrees, reported?.Source, d, DataIssue.Warning));
        if (result.Points is not { } points)
            return new ScoreOutput(null, result.Missing, result.Problems)
            {
                Class = result.Class, MaximumPoints = computed.MaximumPoints, Stale = stale, Recency = recency,
            };

        var json = new JsonObject
        {
            ["points"] = points,
            ["class"] = result.Class!.Value.ToString(),
            ["source"] = result.Source == ChildPughSource.Computed ? "computed" : "reported",
        };
        var inputs = result.Source == ChildPughSource.Computed ? at.ChildPughInputs() : [("reported", reported)];
        var dates = inputs.Where(i => i.Fact is not null).Select(i => i.Fact!.Date).ToList();
        if (dates.Count > 0) json["date"] = CourseJson.Day(dates.Min());
        json["inputs"] = FactJson.Inputs(inputs);
        if (result.Source == ChildPughSource.Computed && reported is not null) json["reported"] = FactJson.Write(reported);
        if (result.Disagreement is { } disagreement) json["disagreement"] = disagreement;
        return new ScoreOutput(json, []) { Class = result.Class, MaximumPoints = points, Stale = stale, Recency = recency };
    }

    /// <summary>ALBI (graded unrounded) and mALBI from the current bilirubin and albumin.</summary>
    public static (ScoreOutput Albi, ScoreOutput MAlbi) Albi(ClinicalSnapshot at)
    {
        var albi = Scores.Albi.Compute(at.Number(FactKind.Bilirubin), at.Number(FactKind.Albumin));
        var stale = at.StaleAmong(AlbiKinds);
        var recency = at.Describe(AlbiKinds);
        if (!albi.IsComputable)
            return (new ScoreOutput(null, albi.Missing, albi.Problems) { Stale = stale, Recency = recency },
                new ScoreOutput(null, albi.Missing) { Recency = recency });
        var inputs = FactJson.Inputs([("bilirubin", at.Latest(FactKind.Bilirubin)), ("albumin", at.Latest(FactKind.Albumin))]);
        return (new ScoreOutput(new JsonObject { ["value"] = albi.Rounded, ["grade"] = albi.Grade, ["inputs"] = inputs }, []) { Stale = stale, Recency = recency },
            new ScoreOutput(new JsonObject { ["grade"] = albi.ModifiedGrade }, []));
    }
}
