using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;

namespace TaceCds.Service.Evaluation;

/// <summary>
/// The engine as the service sees it: a record and a day in, the EvaluationResult JSON out
/// (/work/shared/contracts/evaluation-output.md). The rules-enabled pipeline replaces the default by registering itself.
/// </summary>
public interface IPatientEvaluator
{
    JsonObject Evaluate(RecordInput input, DateOnly asOf);
}
