using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Runtime;
using TaceCds.Testing;

namespace TaceCds.Rules.Tests;

/// <summary>Shared helpers: the repository's packs, sample fact trees, and small inline packs.</summary>
internal static class RulesFixture
{
    public static string RulesDirectory => RepoPaths.InRepo("rules");

    private static readonly Lazy<RuleSet> Repository = new(() => RulePackLoader.LoadDirectory(RulesDirectory));
    public static RuleSet RepositoryRules => Repository.Value;

    /// <summary>The EvaluationResult of a sample before the rules run.</summary>
    public static JsonObject SampleFacts(string id, string asOf = "2025-06-01")
    {
        var input = RecordInput.FromBundleFile(RepoPaths.InRepo("samples", id + ".json")).Single();
        return EvaluationResultJson.Write(input.Evaluate(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)), new EngineInfo("test", []));
    }

    public static JsonElement Element(JsonObject o) => JsonSerializer.SerializeToElement(o);

    public static RuleResults Evaluate(RuleSet rules, JsonObject facts, RuleEngineOptions? options = null) =>
        new RuleEngine(rules, options).Evaluate(Element(facts));

    public static RuleSet LoadText(string yaml, string file = "test-pack.yaml") => RulePackLoader.Load([(file, yaml)]);

    public static RuleLoadException LoadFails(string yaml, string file = "bad.yaml") =>
        Assert.Throws<RuleLoadException>(() => RulePackLoader.Load([(file, yaml)]));

    public static JsonObject InlineFacts(string json, string asOf = "2025-06-01")
    {
        var o = JsonNode.Parse(json)!.AsObject();
        o["patient"] ??= "Patient/t";
        o["asOf"] = asOf;
        return o;
    }

    /// <summary>A valid minimal pack header; tests append their own sections.</summary>
    public const string Header = """
        id: test-pack
        version: 1.0.0
        title: Test pack
        citation: { text: "A test citation", url: "https://example.org/cite" }
        evidence: secondary

        """;
}
