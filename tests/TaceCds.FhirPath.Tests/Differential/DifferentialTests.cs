using System.Text.Json;
using TaceCds.FhirPath.Tests.Conformance;
using TaceCds.Testing;
using Xunit.Abstractions;

namespace TaceCds.FhirPath.Tests.Differential;

/// <summary>
/// A few hundred expressions over the R4 example resources, evaluated by our engine and by fhirpath.js 5.2.0
/// (one node process for all). They must agree unless known-differences.txt names why fhirpath.js is wrong.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output, SummarySink sink) : IClassFixture<SummarySink>
{
    [Fact]
    public void OurEngineAgreesWithFhirPathJs()
    {
        var cases = File.ReadAllLines(RepoPaths.InRepo("tests", "TaceCds.FhirPath.Tests", "Differential", "expressions.txt"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" | ", 2))
            .Select(p => (File: p[0].Trim() == "-" ? null : RepoPaths.Conformance("fhirpath", "resources", p[0].Trim()), Expression: p[1].Trim()))
            .ToList();
        var known = File.ReadAllLines(RepoPaths.InRepo("tests", "TaceCds.FhirPath.Tests", "Differential", "known-differences.txt"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" | ", 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        Assert.True(cases.Count >= 300, $"only {cases.Count} expressions");

        var theirs = FhirPathOracle.EvaluateAll(cases);
        var disagreements = new List<string>();
        var agreed = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var ours = Ours(cases[i].File, cases[i].Expression);
            if (Same(ours, theirs[i]))
                agreed++;
            else if (!known.ContainsKey(cases[i].Expression))
                disagreements.Add($"{cases[i].Expression}\n    ours:   {ours.GetRawText()}\n    theirs: {theirs[i].GetRawText()}");
        }
        var summary = $"FHIRPath differential vs fhirpath.js 5.2.0: {agreed} agree, {cases.Count - agreed - disagreements.Count} known differences, {disagreements.Count} disagree of {cases.Count}";
        output.WriteLine(summary);
        sink.Write(summary);
        Assert.True(disagreements.Count == 0, summary + "\n" + string.Join("\n", disagreements));
    }

    private static JsonElement Ours(string? file, string expression)
    {
        try
        {
            var focus = file is null ? default : ConformanceRunner.LoadResource(Path.GetFileName(file));
            var result = FhirPathCompiler.Compile(expression).Evaluate(focus, new FhirPathContext(ConformanceRunner.AsOf));
            using var doc = JsonDocument.Parse("{\"result\":" + FhirPathJson.ToJsonArray(result) + "}");
            return doc.RootElement.Clone();
        }
        catch (FhirPathException e)
        {
            using var doc = JsonDocument.Parse(JsonSerializer.Serialize(new { error = e.Message }));
            return doc.RootElement.Clone();
        }
    }

    /// <summary>Both errors, or equal results (numbers by value, objects ignoring member order).</summary>
    private static bool Same(JsonElement ours, JsonElement theirs)
    {
        var ourError = ours.TryGetProperty("error", out _);
        var theirError = theirs.TryGetProperty("error", out _);
        if (ourError || theirError)
            return ourError && theirError;
        return JsonEqual(ours.GetProperty("result"), theirs.GetProperty("result"));
    }

    /// <summary>Z, +00:00 and -00:00 are the same zone; fhirpath.js writes UTC results as -00:00, we keep Z.</summary>
    private static string UtcSpelling(string s) =>
        s.Length > 10 && s[4] == '-' && (s.EndsWith("+00:00", StringComparison.Ordinal) || s.EndsWith("-00:00", StringComparison.Ordinal))
            ? s[..^6] + "Z"
            : s;

    private static bool JsonEqual(JsonElement a, JsonElement b)
    {
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
            return Math.Abs(a.GetDouble() - b.GetDouble()) <= 1e-9 * Math.Max(1, Math.Abs(a.GetDouble()));
        if (a.ValueKind != b.ValueKind)
            return false;
        return a.ValueKind switch
        {
            JsonValueKind.Array => a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(p => JsonEqual(p.First, p.Second)),
            JsonValueKind.Object => a.EnumerateObject().Count() == b.EnumerateObject().Count()
                && a.EnumerateObject().All(p => b.TryGetProperty(p.Name, out var other) && JsonEqual(p.Value, other)),
            JsonValueKind.String => a.GetString() == b.GetString() || UtcSpelling(a.GetString()!) == UtcSpelling(b.GetString()!),
            _ => true,
        };
    }
}
