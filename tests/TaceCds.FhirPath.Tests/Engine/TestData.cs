using System.Text.Json;

namespace TaceCds.FhirPath.Tests.Engine;

internal static class TestData
{
    public static readonly DateTimeOffset AsOf = new(2024, 3, 10, 9, 15, 0, TimeSpan.FromHours(1));

    public static JsonElement Json(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    public static IReadOnlyList<Values.FhirPathValue> Eval(string expression, string? json = null, FhirPathContext? context = null) =>
        FhirPathCompiler.Compile(expression).Evaluate(json is null ? default : Json(json), context ?? new FhirPathContext(AsOf));

    public static string[] Strings(IReadOnlyList<Values.FhirPathValue> values) => values.Select(v => v.ToString()).ToArray();
}
