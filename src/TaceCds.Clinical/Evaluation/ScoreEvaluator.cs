using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Course;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// Computes the <c>scores</c> of the EvaluationResult from the facts, with the facts each used. A score that cannot be
/// computed is left out of <c>scores</c> and listed in <see cref="ScoreResults.NotComputed"/> with what is missing.
/// </summary>
public static class ScoreEvaluator
{
    public sealed record ScoreResults(JsonObject Scores, JsonObject NotComputed);

    public static ScoreResults Evaluate(ClinicalFacts facts, TaceCourse course, List<DataIssue> issues)
    {
        var scores = new JsonObject();
        var gaps = new JsonObject();
        var now = new ClinicalSnapshot(facts, facts.AsOf);

        void Put(string name, JsonObject? value, IEnumerable<string> missing, IEnumerable<InputProblem>? problems = null)
        {
            if (value is not null) { scores[name] = value; return; }
            var gap = new JsonObject { ["missing"] = CourseJson.Strings(missing) };
            var p = problems?.Select(x => $"{x.Code} {x.Input}: {x.Message}").ToList();
            if (p is { Count: > 0 }) gap["problems"] = CourseJson.Strings(p);
            gaps[name] = gap;
        }

        var nlr = NlrScore.Evaluate(facts, issues);
        Put("nlr", nlr.Json, nlr.Missing);

        var childPugh = LiverFunctionScores.ChildPugh(now, issues);
        Put("childPugh", childPugh.Json, childPugh.Missing, childPugh.Problems);

        var albi = Albi.Compute(now.Number(FactKind.Bilirubin), now.Number(FactKind.Albumin));
        Put("albi", albi.IsComputable ? LiverFunctionScores.AlbiJson(albi, now) : null, albi.Missing, albi.Problems);
        Put("malbi", albi.IsComputable ? new JsonObject { ["grade"] = albi.ModifiedGrade } : null, albi.Missing);

        var cnlc = StagingScores.Cnlc(now, childPugh.Class, issues);
        Put("cnlc", cnlc.Json, cnlc.Missing);
        var bclc = StagingScores.Bclc(now, childPugh.Class, issues);
        Put("bclc", bclc.Json, bclc.Missing);

        var burden = TumorBurdenScores.Evaluate(now);
        Put("upToSeven", burden.UpToSeven, burden.Missing);
        Put("sixAndTwelve", burden.SixAndTwelve, burden.Missing);
        Put("hap", burden.Hap, burden.HapMissing);
        Put("mhap2", burden.MHap2, burden.MHap2Missing);

        var art = RetreatmentScores.Art(facts, course);
        Put("art", art.Json, art.Missing);
        var abcr = RetreatmentScores.Abcr(facts, course);
        Put("abcr", abcr.Json, abcr.Missing);

        return new ScoreResults(scores, gaps);
    }
}

/// <summary>One score's JSON (null when not computable) and what was missing.</summary>
public sealed record ScoreOutput(JsonObject? Json, IReadOnlyList<string> Missing, IReadOnlyList<InputProblem>? Problems = null)
{
    public ChildPughClass? Class { get; init; }
}
