using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Course;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Response;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// ART and ABCR, assessed before the 2nd TACE of the course against values before the 1st (clinical-reference.md §4).
/// With one session so far, "before the 2nd" is now (asOf); with more, the scores are those that applied before the 2nd.
/// Second time-point values must be dated after the 1st session: an old value is never reused as "unchanged".
/// </summary>
internal static class RetreatmentScores
{
    private sealed record TimePoints(ClinicalSnapshot BeforeFirst, ClinicalSnapshot BeforeSecond, string AssessedBefore, bool? ResponseAfterFirst, Assessment? ResponseExam);

    private static TimePoints? Find(ClinicalFacts facts, TaceCourse course)
    {
        if (course.Sessions.Count == 0) return null;
        var first = course.Sessions[0];
        var second = course.Sessions.Count > 1 ? course.Sessions[1] : null;
        var exam = course.Assessments.LastOrDefault(a => a.SessionsBefore == 1);
        return new TimePoints(
            new ClinicalSnapshot(facts, first.Date),
            new ClinicalSnapshot(facts, second?.Date ?? facts.AsOf, after: first.Date),
            second is null ? $"a 2nd TACE (as of {CourseJson.Day(facts.AsOf)})" : $"the 2nd TACE on {CourseJson.Day(second.Date)}",
            exam is null ? null : MrecistNames.IsObjectiveResponse(exam.OverallResponse),
            exam);
    }

    public static ScoreOutput Art(ClinicalFacts facts, TaceCourse course)
    {
        if (Find(facts, course) is not { } t) return new ScoreOutput(null, ["a TACE course"]);
        var cp1 = t.BeforeFirst.ChildPughReconciled();
        var cp2 = t.BeforeSecond.ChildPughReconciled();
        var result = ArtScore.Compute(t.BeforeFirst.Number(FactKind.Ast), t.BeforeSecond.Number(FactKind.Ast), cp1.Points, cp2.Points, t.ResponseAfterFirst);
        if (!result.IsComputable)
            return new ScoreOutput(null, Rename(result.Missing, cp1, cp2, t), result.Problems);
        return new ScoreOutput(new JsonObject
        {
            ["points"] = result.Points,
            ["recommendation"] = result.Recommendation,
            ["assessedBefore"] = t.AssessedBefore,
            ["components"] = new JsonObject
            {
                ["astIncrease"] = result.AstPoints, ["childPughIncrease"] = result.ChildPughPoints, ["noRadiologicResponse"] = result.ResponsePoints,
            },
            ["inputs"] = Inputs(t, cp1, cp2, FactKind.Ast, "ast"),
        }, []);
    }

    public static ScoreOutput Abcr(ClinicalFacts facts, TaceCourse course)
    {
        if (Find(facts, course) is not { } t) return new ScoreOutput(null, ["a TACE course"]);
        var cp1 = t.BeforeFirst.ChildPughReconciled();
        var cp2 = t.BeforeSecond.ChildPughReconciled();
        var bclc = BclcStaging.Stage(t.BeforeFirst.StagingInputs(cp1.Class)).Stage ?? t.BeforeFirst.Latest(FactKind.ReportedBclcStage)?.Code;
        var result = AbcrScore.Compute(t.BeforeFirst.Number(FactKind.Afp), bclc, cp1.Points, cp2.Points, t.ResponseAfterFirst);
        if (!result.IsComputable)
            return new ScoreOutput(null, Rename(result.Missing, cp1, cp2, t), result.Problems);
        var inputs = Inputs(t, cp1, cp2, FactKind.Afp, "afp");
        inputs["bclcBeforeFirst"] = bclc;
        return new ScoreOutput(new JsonObject
        {
            ["points"] = result.Points,
            ["band"] = result.Band,
            ["assessedBefore"] = t.AssessedBefore,
            ["components"] = new JsonObject
            {
                ["afp"] = result.AfpPoints, ["bclc"] = result.BclcPoints, ["childPughIncrease"] = result.ChildPughPoints, ["objectiveResponse"] = result.ResponsePoints,
            },
            ["inputs"] = inputs,
        }, []);
    }

    private static JsonObject Inputs(TimePoints t, ChildPughReconciliation cp1, ChildPughReconciliation cp2, FactKind lab, string name)
    {
        var o = FactJson.Inputs([($"{name}BeforeFirst", t.BeforeFirst.Latest(lab)), ($"{name}BeforeSecond", lab == FactKind.Ast ? t.BeforeSecond.Latest(lab) : null)]);
        o["childPughBeforeFirst"] = cp1.Points;
        o["childPughBeforeSecond"] = cp2.Points;
        if (t.ResponseExam is { } exam)
            o["responseAfterFirst"] = new JsonObject { ["date"] = CourseJson.Day(exam.Date), ["overallResponse"] = MrecistNames.Of(exam.OverallResponse), ["exam"] = exam.Exam };
        return o;
    }

    /// <summary>Say which time point a missing input belongs to.</summary>
    private static List<string> Rename(IReadOnlyList<string> missing, ChildPughReconciliation cp1, ChildPughReconciliation cp2, TimePoints t)
    {
        var result = new List<string>();
        foreach (var m in missing)
        {
            switch (m)
            {
                case InputNames.ChildPughPointsBeforeFirstTace:
                    result.AddRange(cp1.Missing.Select(c => $"{c} (before the 1st TACE)"));
                    break;
                case InputNames.ChildPughPointsBeforeSecondTace or InputNames.ChildPughPointsAfterFirstTace:
                    result.AddRange(cp2.Missing.Select(c => $"{c} (after the 1st TACE, before {t.AssessedBefore})"));
                    break;
                case InputNames.RadiologicResponseAfterFirstTace or InputNames.ObjectiveResponseAfterFirstTace:
                    result.Add("an mRECIST assessment between the 1st and 2nd TACE");
                    break;
                default:
                    result.Add(m);
                    break;
            }
        }
        return result;
    }
}
