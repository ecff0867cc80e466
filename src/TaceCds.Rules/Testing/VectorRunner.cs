using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Rules.Authoring;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Model;
using TaceCds.Rules.Runtime;

namespace TaceCds.Rules.Testing;

/// <summary>The result of one test vector.</summary>
public sealed record VectorOutcome(string Pack, string Vector, SourceMark Where, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>
/// Runs test vectors: builds the fact tree (a Bundle through the clinical stages, or inline facts; then patches), evaluates
/// only the vector's pack, and compares with <c>expect</c>. Used by <c>tacecds rules test</c> and the unit tests.
/// </summary>
public static class VectorRunner
{
    private static readonly ConcurrentDictionary<(string, DateOnly), JsonObject> BundleCache = new();

    public static IReadOnlyList<VectorOutcome> RunAll(RuleSet rules) =>
        rules.Packs.SelectMany(pack => pack.Tests.Select(v => Run(rules, pack, v))).ToList();

    /// <summary>Runs a vignette file (<c>pack:</c> + <c>tests:</c>) against the loaded pack it names.</summary>
    public static IReadOnlyList<VectorOutcome> RunVignettes(RuleSet rules, string file)
    {
        var diagnostics = new RuleDiagnostics();
        var read = PackReader.ReadVignettes(file, File.ReadAllText(file), diagnostics);
        diagnostics.ThrowIfAny();
        var (packId, docs) = read!.Value;
        var pack = rules.Packs.FirstOrDefault(p => p.Id == packId)
            ?? throw new RuleLoadException([new RuleError(RuleErrorCodes.BadTestVector, new SourceMark(file, 1, 1), $"no loaded pack '{packId}'")]);
        var vectors = new List<TestVector>();
        foreach (var d in docs)
        {
            if (!DateOnly.TryParseExact(d.AsOf, "yyyy-MM-dd", out var asOf))
                diagnostics.Add(RuleErrorCodes.BadTestVector, d.Mark, $"test '{d.Name}': as-of must be YYYY-MM-DD");
            else vectors.Add(new TestVector(d.Name, d.Mark, d.Bundle, d.Facts, d.Set, d.Remove, asOf, d.Expect, d.Definitions));
        }
        diagnostics.ThrowIfAny();
        return vectors.Select(v => Run(rules, pack, v)).ToList();
    }

    /// <summary>Runs a vector of a pack that uses no other pack.</summary>
    public static VectorOutcome Run(RulePack pack, TestVector vector) => Run(new RuleSet([pack], null), pack, vector);

    /// <summary>
    /// Runs one vector: the pack and the packs it uses (from <paramref name="rules"/>, in dependency order) over the
    /// vector's facts; used packs the vector gives under <c>definitions</c> are taken as given. Only the vector's own pack's
    /// cards are compared.
    /// </summary>
    public static VectorOutcome Run(RuleSet rules, RulePack pack, TestVector vector)
    {
        RuleResults results;
        try
        {
            var facts = BuildFacts(vector);
            var engine = new RuleEngine(new RuleSet([.. PackGraph.Dependencies(rules, pack), pack], null));
            results = engine.Evaluate(JsonSerializer.SerializeToElement(facts), vector.Definitions);
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or InvalidOperationException or Fhir.Json.FhirFormatException)
        {
            return new VectorOutcome(pack.Id, vector.Name, vector.Mark, [$"{RuleErrorCodes.VectorFailed}: could not build the input: {e.Message}"]);
        }
        return new VectorOutcome(pack.Id, vector.Name, vector.Mark, Check(pack, vector.Expect, results));
    }

    /// <summary>The EvaluationResult a vector describes (before the rules run).</summary>
    public static JsonObject BuildFacts(TestVector vector)
    {
        JsonObject facts;
        if (vector.BundlePath is { } bundle)
        {
            var path = Locate(bundle, Path.GetDirectoryName(Path.GetFullPath(vector.Mark.File))!)
                ?? throw new FileNotFoundException($"test bundle '{bundle}' not found near {vector.Mark.File}");
            facts = (JsonObject)BundleCache.GetOrAdd((path, vector.AsOf), key =>
            {
                var input = RecordInput.FromBundleFile(key.Item1).FirstOrDefault() ?? throw new InvalidOperationException($"{key.Item1}: no Patient");
                return EvaluationResultJson.Write(input.Evaluate(key.Item2), new EngineInfo("vector", []));
            }).DeepClone();
        }
        else
        {
            facts = new JsonObject { ["contractVersion"] = "2", ["patient"] = "Patient/vector", ["course"] = new JsonObject(), ["scores"] = new JsonObject(), ["facts"] = new JsonObject() };
            foreach (var (k, v) in vector.Facts ?? []) facts[k] = v?.DeepClone();
        }
        if (vector.Facts is not null && vector.BundlePath is not null)
            foreach (var (k, v) in vector.Facts) facts[k] = v?.DeepClone();
        facts["asOf"] = vector.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var path in vector.Remove) FactPatch.Remove(facts, path);
        foreach (var (path, value) in vector.Set) FactPatch.Set(facts, path, value?.DeepClone());
        return facts;
    }

    /// <summary>A relative bundle path is looked up from the pack's folder upwards (so <c>samples/p02.json</c> works from rules/).</summary>
    private static string? Locate(string path, string from)
    {
        if (Path.IsPathRooted(path)) return File.Exists(path) ? path : null;
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, path))) return Path.Combine(dir.FullName, path);
        return null;
    }

    private static List<string> Check(RulePack pack, JsonObject expect, RuleResults results)
    {
        var failures = new List<string>();
        var definition = results.Definitions[pack.Id] as JsonObject;
        // The used packs' cards are theirs to test: compare this pack's cards only (source.topic.code is the pack id).
        var cards = results.Cards.Where(c => c?["source"]?["topic"]?["code"]?.GetValue<string>() == pack.Id).ToList();
        foreach (var (key, want) in expect)
        {
            switch (key)
            {
                case "status" or "applicable" or "values":
                    failures.AddRange(JsonExpectation.Compare(want, definition?[key], key));
                    break;
                case "criteria":
                    foreach (var (id, status) in want as JsonObject ?? [])
                        failures.AddRange(JsonExpectation.Compare(status, definition?["criteria"]?[id]?["status"], $"criteria.{id}"));
                    break;
                case "missing" or "reasons" or "assumptions":
                    var texts = (definition?[key] as JsonArray)?.Select(n => n?.GetValue<string>() ?? "").ToList() ?? [];
                    foreach (var fragment in (want as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? ""))
                        if (!texts.Any(t => t.Contains(fragment, StringComparison.OrdinalIgnoreCase)))
                            failures.Add($"{key}: no entry contains '{fragment}' (got: {string.Join(" | ", texts)})");
                    break;
                case "cards":
                    failures.AddRange(JsonExpectation.Compare(want, new JsonArray(cards.Select(c => (JsonNode?)c!["summary"]!.GetValue<string>()).ToArray()), "cards"));
                    break;
                case "indicators":
                    failures.AddRange(JsonExpectation.Compare(want, new JsonArray(cards.Select(c => (JsonNode?)c!["indicator"]!.GetValue<string>()).ToArray()), "indicators"));
                    break;
                case "model":
                    failures.AddRange(JsonExpectation.Compare(want, results.Models[pack.Id], "model"));
                    break;
            }
        }
        failures.AddRange(results.Issues.Select(i => $"{i.Code}: {i.Message}"));
        return failures;
    }
}
