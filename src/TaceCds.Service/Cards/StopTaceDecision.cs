using System.Text.Json.Nodes;
using TaceCds.Rules.Runtime;

namespace TaceCds.Service.Cards;

/// <summary>
/// The stop-TACE decision as the rule pack <c>stop-tace</c> (rules/stop-tace.yaml) concluded it, read from the
/// EvaluationResult. The service holds no criterion or threshold: it reads the definition's status, its met criteria
/// (the most urgent indicator among them decides the card) and their reasons and citations.
/// </summary>
public sealed record StopTaceDecision(JsonObject Definition)
{
    /// <summary>The id of the rule pack that decides whether repeat TACE should stop.</summary>
    public const string PackId = "stop-tace";

    /// <summary>The decision in a result, or null when the pack was not loaded.</summary>
    public static StopTaceDecision? From(JsonObject result) =>
        result["definitions"]?[PackId] is JsonObject d ? new StopTaceDecision(d) : null;

    public string Status => ResultJson.Text(Definition["status"]) ?? RuleStatus.InsufficientData;

    /// <summary>critical or warning when a criterion with that indicator is met; null when none is.</summary>
    public string? Indicator => DefinitionExplanation.MostUrgentMet(Definition);

    /// <summary>The met criteria, most urgent first.</summary>
    public IReadOnlyList<JsonObject> MetCriteria =>
        (Definition["criteria"] as JsonObject ?? []).Select(c => c.Value as JsonObject).OfType<JsonObject>()
            .Where(c => ResultJson.Text(c["status"]) == RuleStatus.Met)
            .OrderBy(c => ResultJson.Text(c["indicator"]) == "critical" ? 0 : 1).ToList();

    public string Explanation => DefinitionExplanation.Markdown(Definition);

    /// <summary>The citation of the most urgent met criterion, else the pack's.</summary>
    public Citation Citation
    {
        get
        {
            var cite = MetCriteria.FirstOrDefault()?["citation"] ?? Definition["rule"]?["citation"];
            return Citation.FromJson(cite);
        }
    }
}
