using System.Reflection;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;

namespace TaceCds.Service.Evaluation;

/// <summary>What <c>tacecds evaluate</c> does (src/TaceCds.Cli/EvaluationPipeline.cs): facts, course and scores, no rule packs.</summary>
public sealed class DefaultPatientEvaluator : IPatientEvaluator
{
    private static readonly string EngineVersion =
        typeof(DefaultPatientEvaluator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public JsonObject Evaluate(RecordInput input, DateOnly asOf)
    {
        var clinical = input.Evaluate(asOf);
        return EvaluationResultJson.Write(clinical, new EngineInfo(EngineVersion, []));
    }
}
