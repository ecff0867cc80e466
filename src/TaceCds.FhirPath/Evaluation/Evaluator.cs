using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Evaluation;

/// <summary>A compiled (sub-)expression: evaluates against a focus collection within a scope.</summary>
internal delegate IReadOnlyList<FhirPathValue> Evaluator(EvaluationScope scope, IReadOnlyList<FhirPathValue> focus);
