using System.Text.Json;
using TaceCds.FhirPath.Model;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath;

/// <summary>
/// Prepares JSON that many expressions will be evaluated against (a patient's bundle, a fact tree): the returned
/// collection remembers each member navigation, so later evaluations do not walk the JSON again. Pass it to
/// <see cref="FhirPathExpression.Evaluate(IReadOnlyList{FhirPathValue}, FhirPathContext)"/>. The JSON must not
/// change afterwards (JsonElement from a JsonDocument never does). Memory grows with the distinct paths evaluated.
/// </summary>
public static class FhirPathInput
{
    public static IReadOnlyList<FhirPathValue> Prepare(JsonElement json) => JsonNavigator.FromRoot(json, persistent: true);
}
