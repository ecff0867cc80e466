using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Cli.Commands;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Runtime;

namespace TaceCds.Cli;

/// <summary>Record → clinical evaluation → rule packs → EvaluationResult JSON: the one path every command takes.</summary>
public static class EvaluationPipeline
{
    /// <summary>Rules from <c>TACECDS_RULES</c>, the repository's <c>rules/</c>, or the copy next to the binary (read once per process).</summary>
    private static readonly Lazy<RuleEngine> DefaultEngine = new(() => LoadEngine(null));

    /// <summary>Loads the rule packs; a pack error is bad input (exit 2) naming file:line and code.</summary>
    public static RuleEngine LoadEngine(string? rulesDirectory)
    {
        try
        {
            var rules = RulePackLoader.LoadDirectory(RulesDirectory.ResolveForProcess(rulesDirectory));
            // Locally calibrated intercepts (site configuration, not clinical content), e.g. for ivim-resistance-2026.
            var calibration = Environment.GetEnvironmentVariable(CalibrationFile.EnvironmentVariable);
            return new RuleEngine(rules, string.IsNullOrWhiteSpace(calibration) ? null : CalibrationFile.Load(calibration));
        }
        catch (RuleLoadException e)
        {
            throw new InputException(e.Message);
        }
    }

    public static JsonObject Evaluate(RecordInput input, DateOnly asOf) => Evaluate(input, asOf, DefaultEngine.Value);

    public static JsonObject Evaluate(RecordInput input, DateOnly asOf, RuleEngine engine)
    {
        var clinical = input.Evaluate(asOf);
        var packs = engine.Rules.Packs.Select(p => (p.Id, p.Version)).ToList();
        var result = EvaluationResultJson.Write(clinical, new EngineInfo(EngineVersion.Current, packs));
        var rules = engine.Evaluate(JsonSerializer.SerializeToElement(result));
        result["definitions"] = rules.Definitions;
        result["models"] = rules.Models;
        result["cards"] = rules.Cards;
        var engineJson = (JsonObject)result["engine"]!;
        engineJson["rulePacks"] = engine.RulePacksJson();
        if (rules.Issues.Count > 0)
            engineJson["ruleIssues"] = new JsonArray(rules.Issues.Select(i => (JsonNode?)new JsonObject { ["code"] = i.Code, ["pack"] = i.Pack, ["message"] = i.Message }).ToArray());
        return result;
    }
}
