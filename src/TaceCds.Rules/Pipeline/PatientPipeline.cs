using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Terminology;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Runtime;

namespace TaceCds.Rules.Pipeline;

/// <summary>
/// Record → clinical evaluation → rule packs → EvaluationResult JSON: the one path the CLI, the CDS Hooks service and the
/// tumor-board report all take. Pure given its rule engine: the same record and asOf give the same result.
/// </summary>
public sealed class PatientPipeline(RuleEngine engine, EngineTerminology? terminology = null)
{
    /// <summary>The engine's version, from the assembly's informational version.</summary>
    public static string EngineVersion { get; } =
        typeof(PatientPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public RuleEngine Engine => engine;

    /// <summary>The value sets codes are recognised by: fhir-profiles/ as built in, plus a site's own ValueSet files.</summary>
    public EngineTerminology Terminology { get; } = terminology ?? EngineTerminology.BuiltIn;

    /// <summary>Extraction options carrying <see cref="Terminology"/>, for callers that evaluate a record themselves.</summary>
    public ExtractionOptions Extraction => _extraction ??= new ExtractionOptions { Terminology = Terminology };
    private ExtractionOptions? _extraction;

    /// <summary>
    /// A pipeline with the rule packs of <paramref name="rulesDirectory"/>, else <c>TACECDS_RULES</c>, the repository's
    /// <c>rules/</c>, or the copy next to the binary. Throws <see cref="RuleLoadException"/> naming file:line and code.
    /// </summary>
    public static PatientPipeline Load(string? rulesDirectory = null, EngineTerminology? terminology = null) =>
        new(new RuleEngine(RulePackLoader.LoadDirectory(RulesDirectory.ResolveForProcess(rulesDirectory))), terminology);

    public JsonObject Evaluate(RecordInput input, DateOnly asOf) => Complete(input.Evaluate(asOf, Extraction));

    /// <summary>Adds the rule packs' definitions, models and cards to a clinical evaluation.</summary>
    public JsonObject Complete(ClinicalEvaluation clinical)
    {
        var packs = engine.Rules.Packs.Select(p => (p.Id, p.Version)).ToList();
        var result = EvaluationResultJson.Write(clinical, new EngineInfo(EngineVersion, packs));
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
