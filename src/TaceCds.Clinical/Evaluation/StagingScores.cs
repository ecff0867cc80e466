using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>CNLC and BCLC stage: computed from their components when they decide it, else the reported stage.</summary>
internal static class StagingScores
{
    public static ScoreOutput Cnlc(ClinicalSnapshot now, ChildPughClass? childPugh, List<DataIssue> issues)
    {
        var computed = CnlcStaging.Stage(now.StagingInputs(childPugh));
        return Output("CNLC", computed.Stage, computed.Missing, [], now.Latest(FactKind.ReportedCnlcStage), now, issues);
    }

    public static ScoreOutput Bclc(ClinicalSnapshot now, ChildPughClass? childPugh, List<DataIssue> issues)
    {
        var computed = BclcStaging.Stage(now.StagingInputs(childPugh));
        return Output("BCLC", computed.Stage, computed.Missing, computed.Notes, now.Latest(FactKind.ReportedBclcStage), now, issues);
    }

    private static ScoreOutput Output(string system, string? stage, IReadOnlyList<string> missing, IReadOnlyList<string> notes,
        ObservationFact? reported, ClinicalSnapshot now, List<DataIssue> issues)
    {
        if (stage is not null)
        {
            var json = new JsonObject { ["stage"] = stage, ["source"] = "computed", ["inputs"] = FactJson.Inputs(now.StagingFacts()) };
            if (missing.Count > 0) json["undeterminedInputs"] = CourseJson.Strings(missing);
            if (notes.Count > 0) json["notes"] = CourseJson.Strings(notes);
            if (reported is not null)
            {
                json["reported"] = FactJson.Write(reported);
                if (reported.Code != stage)
                {
                    var message = $"reported {system} stage {reported.Code} differs from the stage computed from its components ({stage}); the computed stage is used";
                    json["disagreement"] = message;
                    issues.Add(new DataIssue(DataIssueCodes.ReportedDisagrees, reported.Source, message, DataIssue.Warning));
                }
            }
            return new ScoreOutput(json, []);
        }
        if (reported?.Code is { } reportedStage)
            return new ScoreOutput(new JsonObject
            {
                ["stage"] = reportedStage, ["source"] = "reported", ["date"] = CourseJson.Day(reported.Date), ["inputs"] = FactJson.Inputs([("reported", reported)]),
                ["notComputedBecauseMissing"] = CourseJson.Strings(missing),
            }, []);
        return new ScoreOutput(null, [.. missing, $"reported {system} stage"]);
    }
}
