using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Cli.Commands;

namespace TaceCds.Cli;

/// <summary>Record → clinical evaluation → EvaluationResult JSON: the one path every command takes.</summary>
public static class EvaluationPipeline
{
    public static JsonObject Evaluate(RecordInput input, DateOnly asOf)
    {
        var clinical = input.Evaluate(asOf);
        return EvaluationResultJson.Write(clinical, new EngineInfo(EngineVersion.Current, []));
    }
}
