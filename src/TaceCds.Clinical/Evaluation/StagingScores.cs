using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// CNLC and BCLC stage at one time point (now, or before the 1st TACE): computed from their current components when they decide it, else a current reported stage.
/// CNLC also decides when Child-Pugh is unknown but cannot be C (its maximum possible total is ≤ 9).
/// </summary>
internal static class StagingScores
{
    public static ScoreOutput Cnlc(ClinicalSnapshot now, ScoreOutput childPugh, List<DataIssue> issues)
    {
        var computed = CnlcStaging.Stage(now.StagingInputs(childPugh.Class, childPugh.MaximumPoints));
        return Output("CNLC", computed.Stage, computed.Missing, [], FactKind.ReportedCnlcStage, now, childPugh, issues);
    }

    public static ScoreOutput Bclc(ClinicalSnapshot now, ScoreOutput childPugh, List<DataIssue> issues)
    {
        var computed = BclcStaging.Stage(now.StagingInputs(childPugh.Class));
        return Output("BCLC", computed.Stage, computed.Missing, computed.Notes, FactKind.ReportedBclcStage, now, childPugh, issues);
    }

    private static ScoreOutput Output(string system, string? stage, IReadOnlyList<string> missing, IReadOnlyList<string> notes,
        FactKind reportedKind, ClinicalSnapshot now, ScoreOutput childPugh, List<DataIssue> issues)
    {
        var reported = now.Latest(reportedKind);
        FactKind[] kinds = [.. ClinicalSnapshot.StagingKinds, reportedKind];
        var stale = now.StaleAmong(kinds);
        var recency = now.Describe(kinds) + "; Child-Pugh at the same time point";
        var output = Decide(system, stage, missing, notes, reported, now, childPugh, issues);
        return output with { Stale = stale, Recency = recency };
    }

    private static ScoreOutput Decide(string system, string? stage, IReadOnlyList<string> missing, IReadOnlyList<string> notes,
        ObservationFact? reported, ClinicalSnapshot now, ScoreOutput childPugh, List<DataIssue> issues)
    {
        if (stage is not null)
        {
            var json = new JsonObject { ["stage"] = stage, ["source"] = "computed", ["inputs"] = FactJson.Inputs(now.StagingFacts()) };
            if (childPugh.Class is null && system == "CNLC" && childPugh.MaximumPoints is { } max)
                json["childPugh"] = $"not C: at most {max} points with each missing or stale component counted as 3";
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
