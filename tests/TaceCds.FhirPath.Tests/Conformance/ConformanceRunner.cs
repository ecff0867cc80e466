using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TaceCds.FhirPath.Values;
using TaceCds.Testing;

namespace TaceCds.FhirPath.Tests.Conformance;

/// <summary>Runs one suite case and compares our result with the expected items the way the suite writes them.</summary>
internal static class ConformanceRunner
{
    /// <summary>Fixed evaluation instant: the suite only compares today()/now() with older dates.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 6, 15, 10, 30, 0, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<string, JsonElement> Resources = new();

    public static JsonElement LoadResource(string file) => Resources.GetOrAdd(file, f =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Conformance("fhirpath", "resources", f)));
        return doc.RootElement.Clone();
    });

    /// <summary>Null when the case passes, else why it failed.</summary>
    public static string? Run(ConformanceCase c)
    {
        var focus = c.InputFile is null ? default : LoadResource(c.InputFile);
        IReadOnlyList<FhirPathValue> actual;
        try
        {
            actual = FhirPathCompiler.Compile(c.Expression).Evaluate(focus, new FhirPathContext(AsOf));
        }
        catch (FhirPathException e)
        {
            return c.ExpectError ? null : $"unexpected error {e.Message}";
        }
        if (c.ExpectError)
            return $"expected an error but got [{Render(actual)}]";
        if (actual.Count != c.Expected.Count)
            return $"expected [{string.Join(", ", c.Expected.Select(e => e.Text))}] but got [{Render(actual)}]";
        for (var i = 0; i < actual.Count; i++)
        {
            if (!Matches(c.Expected[i], actual[i]))
                return $"item {i}: expected {c.Expected[i].Text} but got {actual[i].TypeName} {actual[i]}";
        }
        return null;
    }

    public static string Render(IReadOnlyList<FhirPathValue> values) =>
        string.Join(", ", values.Select(v => v is ElementValue ? v.TypeName : v.ToString()));

    private static bool Matches(ExpectedItem expected, FhirPathValue actual)
    {
        if (!expected.Quoted)
        {
            if (expected.Text is "true" or "false")
                return actual is BooleanValue b && b.Value == (expected.Text == "true");
            if (decimal.TryParse(expected.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return actual is IntegerValue or DecimalValue && decimal.Parse(actual.ToString(), CultureInfo.InvariantCulture) == number;
        }
        if (actual is BooleanValue or ElementValue)
            return false;
        return actual.ToString() == expected.Text;
    }
}
