using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Course;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// Computes the <c>scores</c> of the EvaluationResult from the facts, with the facts each used and the recency rule it
/// applied (clinical-reference.md §5 "Recency"). A score that cannot be computed is left out of <c>scores</c> and listed
/// in <see cref="ScoreResults.NotComputed"/> with what is missing and which values were stale; each stale value is also a
/// <c>stale-value</c> data issue.
/// </summary>
public static class ScoreEvaluator
{
    public sealed record ScoreResults(JsonObject Scores, JsonObject NotComputed);

    public static ScoreResults Evaluate(ClinicalFacts facts, TaceCourse course, List<DataIssue> issues, RecencyOptions? recency = null)
    {
        var options = recency ?? RecencyOptions.Default;
        var scores = new JsonObject();
        var gaps = new JsonObject();
        var now = ClinicalSnapshot.Now(facts, options);
        var beforeFirst = course.Sessions.Count > 0 ? ClinicalSnapshot.BeforeSession(facts, course.Sessions[0], options) : null;
        var staleReported = new HashSet<(string, string)>();

        void Put(JsonObject target, JsonObject targetGaps, string name, ScoreOutput output)
        {
            foreach (var s in output.Stale)
                if (staleReported.Add((s.Fact.Source, s.Reason)))
                    issues.Add(new DataIssue(DataIssueCodes.StaleValue, s.Fact.Source, $"{s.Reason}; not used", DataIssue.Warning));
            if (output.Json is { } json)
            {
                if (output.Recency is { } r) json["recency"] = r;
                target[name] = json;
                return;
            }
            // "missing" names the inputs for programs; "missingWords" says them in clinical words for people (InputLabels).
            var gap = new JsonObject { ["missing"] = CourseJson.Strings(output.Missing), ["missingWords"] = CourseJson.Strings(InputLabels.Describe(output.Missing)) };
            if (output.Stale.Count > 0) gap["stale"] = CourseJson.Strings(output.Stale.Select(s => s.Reason));
            var p = output.Problems?.Select(x => $"{x.Code} {x.Input}: {x.Message}").ToList();
            if (p is { Count: > 0 }) gap["problems"] = CourseJson.Strings(p);
            if (output.Recency is { } recencyText) gap["recency"] = recencyText;
            targetGaps[name] = gap;
        }
        void Score(string name, ScoreOutput output) => Put(scores, gaps, name, output);

        Score("nlr", NlrScore.Evaluate(facts, now, issues));

        var childPugh = LiverFunctionScores.ChildPugh(now, issues);
        Score("childPugh", childPugh);
        var (albi, malbi) = LiverFunctionScores.Albi(now);
        Score("albi", albi);
        Score("malbi", malbi);

        if (beforeFirst is not null)
        {
            var block = new JsonObject { ["assessedBefore"] = $"the 1st TACE on {CourseJson.Day(course.Sessions[0].Date)}" };
            var blockGaps = new JsonObject();
            var childPughBefore = LiverFunctionScores.ChildPugh(beforeFirst, issues);
            Put(block, blockGaps, "childPugh", childPughBefore);
            Put(block, blockGaps, "albi", LiverFunctionScores.Albi(beforeFirst).Albi);
            // The seed models and ABCR stage the patient before the 1st TACE (clinical-reference.md §5, "before TACE n").
            Put(block, blockGaps, "cnlc", StagingScores.Cnlc(beforeFirst, childPughBefore, issues));
            Put(block, blockGaps, "bclc", StagingScores.Bclc(beforeFirst, childPughBefore, issues));
            scores["beforeFirstTace"] = block;
            if (blockGaps.Count > 0)
            {
                // Every scoresNotComputed entry has "missing" (consumers list it); here it names the score of each gap.
                var perScore = blockGaps.Select(g => $"{g.Key}: {string.Join(", ", g.Value!["missing"]!.AsArray().Select(m => m!.GetValue<string>()))}").ToList();
                blockGaps.Insert(0, "missing", CourseJson.Strings(perScore));
                blockGaps.Insert(1, "missingWords", CourseJson.Strings(InputLabels.Describe(perScore)));
                gaps["beforeFirstTace"] = blockGaps;
            }
        }

        Score("cnlc", StagingScores.Cnlc(now, childPugh, issues));
        Score("bclc", StagingScores.Bclc(now, childPugh, issues));

        var burden = TumorBurdenScores.Evaluate(now);
        Score("upToSeven", burden.UpToSeven);
        Score("sixAndTwelve", burden.SixAndTwelve);
        var hap = PrognosticScores.Evaluate(beforeFirst ?? now, beforeFirst is null ? $"a 1st TACE (as of {CourseJson.Day(facts.AsOf)})" : $"the 1st TACE on {CourseJson.Day(course.Sessions[0].Date)}");
        Score("hap", hap.Hap);
        Score("mhap2", hap.MHap2);

        Score("art", RetreatmentScores.Art(facts, course, options));
        Score("abcr", RetreatmentScores.Abcr(facts, course, options));

        return new ScoreResults(scores, gaps);
    }
}

/// <summary>
/// One score's JSON (null when not computable), what was missing, the values set aside as stale and the recency rule
/// its inputs were read under.
/// </summary>
public sealed record ScoreOutput(JsonObject? Json, IReadOnlyList<string> Missing, IReadOnlyList<InputProblem>? Problems = null)
{
    public ChildPughClass? Class { get; init; }
    /// <summary>Child-Pugh only: the highest total the known components allow (CNLC's "cannot be C").</summary>
    public int? MaximumPoints { get; init; }
    public IReadOnlyList<StaleValue> Stale { get; init; } = [];
    public string? Recency { get; init; }
}
