using System.Text.Json.Nodes;
using TaceCds.Clinical.Course;
using TaceCds.Clinical.Facts;
using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Evaluation;

/// <summary>What the clinical stages produce for one patient: facts, course, scores and every data issue met on the way.</summary>
public sealed record ClinicalEvaluation(ClinicalFacts Facts, TaceCourse Course, ScoreEvaluator.ScoreResults Scores, IReadOnlyList<DataIssue> DataIssues)
{
    /// <summary>Facts → course → scores. Pure: the same record and asOf give the same evaluation.</summary>
    public static ClinicalEvaluation Evaluate(Patient patient, IEnumerable<RecordEntry> entries, DateOnly asOf, ExtractionOptions? options = null,
        RecencyOptions? recency = null, CourseOptions? courseOptions = null)
    {
        var facts = FactExtractor.Extract(patient, entries, asOf, options);
        var issues = new List<DataIssue>(facts.DataIssues);
        var course = TaceCourseBuilder.Build(facts, issues, courseOptions);
        var scores = ScoreEvaluator.Evaluate(facts, course, issues, recency);
        return new ClinicalEvaluation(facts, course, scores, issues);
    }
}

/// <summary>The engine and rule packs that produced a result (contract <c>engine</c>).</summary>
public sealed record EngineInfo(string Version, IReadOnlyList<(string Id, string Version)> RulePacks);

/// <summary>
/// Writes the EvaluationResult (contracts/evaluation-output.md; contractVersion 2: two target ledgers, see
/// docs/evaluation-output.md for what changed from 1). <c>definitions</c>, <c>models</c> and
/// <c>cards</c> come from the rules engine; without it they are empty.
/// </summary>
public static class EvaluationResultJson
{
    public const string ContractVersion = "2";

    public static JsonObject Write(ClinicalEvaluation evaluation, EngineInfo engine,
        JsonObject? definitions = null, JsonObject? models = null, JsonArray? cards = null)
    {
        var facts = evaluation.Facts;
        return new JsonObject
        {
            ["contractVersion"] = ContractVersion,
            ["patient"] = facts.PatientReference,
            ["asOf"] = CourseJson.Day(facts.AsOf),
            ["engine"] = new JsonObject
            {
                ["version"] = engine.Version,
                ["rulePacks"] = new JsonArray(engine.RulePacks.Select(p => (JsonNode?)new JsonObject { ["id"] = p.Id, ["version"] = p.Version }).ToArray()),
            },
            ["dataIssues"] = new JsonArray(evaluation.DataIssues.Select(Issue).ToArray<JsonNode?>()),
            ["inputSummary"] = FactsJson.Summary(facts.Summary),
            ["course"] = CourseJson.Write(evaluation.Course),
            ["scores"] = evaluation.Scores.Scores.DeepClone(),
            ["scoresNotComputed"] = evaluation.Scores.NotComputed.DeepClone(),
            ["definitions"] = definitions ?? new JsonObject(),
            ["models"] = models ?? new JsonObject(),
            ["cards"] = cards ?? new JsonArray(),
            ["facts"] = FactsJson.Write(facts),
        };
    }

    private static JsonObject Issue(DataIssue issue)
    {
        var o = new JsonObject { ["code"] = issue.Code };
        if (issue.Resource is not null) o["resource"] = issue.Resource;
        o["message"] = issue.Message;
        o["severity"] = issue.Severity;
        return o;
    }
}
