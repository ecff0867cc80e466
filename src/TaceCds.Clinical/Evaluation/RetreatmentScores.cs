using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Course;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Response;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// ART and ABCR, assessed before the 2nd TACE of the course against values before the 1st (clinical-reference.md §4).
/// With one session so far, "before the 2nd" is now (asOf, "now" recency); with more, the scores are those that applied
/// before the 2nd. Both time points follow the "before TACE n" recency rule (§5): the latest value drawn before the
/// procedure — a value drawn after it that day is excluded — within the configured days of it, and after the previous
/// liver-directed procedure, so an old value is never reused as "unchanged".
/// </summary>
internal static class RetreatmentScores
{
    private static readonly FactKind[] ArtKinds = [FactKind.Ast, .. ClinicalSnapshot.ChildPughKinds];
    private static readonly FactKind[] AbcrBeforeKinds = [FactKind.Afp, FactKind.ReportedBclcStage, .. ClinicalSnapshot.StagingKinds, .. ClinicalSnapshot.ChildPughKinds];

    private sealed record TimePoints(ClinicalSnapshot BeforeFirst, ClinicalSnapshot BeforeSecond, string AssessedBefore, bool? ResponseAfterFirst, Assessment? ResponseExam);

    private static TimePoints? Find(ClinicalFacts facts, TaceCourse course, RecencyOptions options)
    {
        if (course.Sessions.Count == 0) return null;
        var first = course.Sessions[0];
        var second = course.Sessions.Count > 1 ? course.Sessions[1] : null;
        var exam = course.Assessments.LastOrDefault(a => a.SessionsBefore == 1);
        return new TimePoints(
            ClinicalSnapshot.BeforeSession(facts, first, options),
            second is null ? ClinicalSnapshot.Now(facts, options) : ClinicalSnapshot.BeforeSession(facts, second, options),
            second is null ? $"a 2nd TACE (as of {CourseJson.Day(facts.AsOf)})" : $"the 2nd TACE on {CourseJson.Day(second.Date)}",
            exam is null ? null : MrecistNames.IsObjectiveResponse(exam.OverallResponse),
            exam);
    }

    public static ScoreOutput Art(ClinicalFacts facts, TaceCourse course, RecencyOptions options)
    {
        if (Find(facts, course, options) is not { } t) return new ScoreOutput(null, ["a TACE course"]);
        var stale = Stale(t, ArtKinds, ArtKinds);
        var recency = Recency(t, ArtKinds, ArtKinds);
        var cp1 = t.BeforeFirst.ChildPughReconciled();
        var cp2 = t.BeforeSecond.ChildPughReconciled();
        var result = ArtScore.Compute(t.BeforeFirst.Number(FactKind.Ast), t.BeforeSecond.Number(FactKind.Ast), cp1.Points, cp2.Points, t.ResponseAfterFirst);
        if (!result.IsComputable)
            return new ScoreOutput(null, Rename(result.Missing, cp1, cp2, t), result.Problems) { Stale = stale, Recency = recency };
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
        }, []) { Stale = stale, Recency = recency };
    }

    public static ScoreOutput Abcr(ClinicalFacts facts, TaceCourse course, RecencyOptions options)
    {
        if (Find(facts, course, options) is not { } t) return new ScoreOutput(null, ["a TACE course"]);
        var stale = Stale(t, AbcrBeforeKinds, ClinicalSnapshot.ChildPughKinds);
        var recency = Recency(t, AbcrBeforeKinds, ClinicalSnapshot.ChildPughKinds);
        var cp1 = t.BeforeFirst.ChildPughReconciled();
        var cp2 = t.BeforeSecond.ChildPughReconciled();
        var bclc = BclcStaging.Stage(t.BeforeFirst.StagingInputs(cp1.Class)).Stage ?? t.BeforeFirst.Latest(FactKind.ReportedBclcStage)?.Code;
        var result = AbcrScore.Compute(t.BeforeFirst.Number(FactKind.Afp), bclc, cp1.Points, cp2.Points, t.ResponseAfterFirst);
        if (!result.IsComputable)
            return new ScoreOutput(null, Rename(result.Missing, cp1, cp2, t), result.Problems) { Stale = stale, Recency = recency };
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
        }, []) { Stale = stale, Recency = recency };
    }

    private static List<StaleValue> Stale(TimePoints t, FactKind[] first, FactKind[] second) =>
        [.. t.BeforeFirst.StaleAmong(first), .. t.BeforeSecond.StaleAmong(second)];

    private static string Recency(TimePoints t, FactKind[] first, FactKind[] second) =>
        $"before the 1st TACE: {t.BeforeFirst.Describe(first)}; before {t.AssessedBefore}: {t.BeforeSecond.Describe(second)}";

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
