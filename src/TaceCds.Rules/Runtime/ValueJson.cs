using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.FhirPath.Values;

namespace TaceCds.Rules.Runtime;

/// <summary>FHIRPath results as JSON for the EvaluationResult: empty → null (the caller omits it), one item → the item, more → an array.</summary>
internal static class ValueJson
{
    public static JsonNode? ToNode(IReadOnlyList<FhirPathValue> values) => values.Count switch
    {
        0 => null,
        1 => One(values[0]),
        _ => new JsonArray(values.Select(One).ToArray()),
    };

    public static JsonNode? One(FhirPathValue value) => value switch
    {
        BooleanValue b => JsonValue.Create(b.Value),
        IntegerValue i => JsonValue.Create(i.Value),
        DecimalValue d => JsonValue.Create(d.Value),
        StringValue s => JsonValue.Create(s.Value),
        ElementValue e => JsonSerializer.SerializeToNode(e.Element),
        _ => JsonValue.Create(value.ToString()),
    };

    public static bool? Boolean(IReadOnlyList<FhirPathValue> values) => values switch
    {
        [] => null,
        [BooleanValue b] => b.Value,
        [ElementValue { Element.ValueKind: JsonValueKind.True }] => true,
        [ElementValue { Element.ValueKind: JsonValueKind.False }] => false,
        _ => throw new RuleEvaluationException(Loading.RuleErrorCodes.NotBoolean,
            values.Count == 1 ? $"a condition gave a {values[0].TypeName}, not a Boolean" : $"a condition gave {values.Count} items, not one Boolean"),
    };
}

/// <summary>An expression failed for one patient (RULE2xx). The engine records it; the affected result becomes insufficient data.</summary>
public sealed class RuleEvaluationException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}
