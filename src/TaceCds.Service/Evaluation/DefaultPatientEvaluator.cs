using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Rules.Pipeline;

namespace TaceCds.Service.Evaluation;

/// <summary>The engine's one pipeline (facts, course, scores, rule packs), the rule packs loaded once.</summary>
public sealed class DefaultPatientEvaluator(PatientPipeline pipeline) : IPatientEvaluator
{
    public JsonObject Evaluate(RecordInput input, DateOnly asOf) => pipeline.Evaluate(input, asOf);
}
