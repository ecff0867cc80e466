using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.FhirPath.Values;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Model;

namespace TaceCds.Rules.Runtime;

/// <summary>Configuration that is not clinical content: locally calibrated intercepts for models published without one.</summary>
public sealed record RuleEngineOptions
{
    /// <summary>Model (pack) id → intercept calibrated on local data; enables an absolute probability for relative-odds models.</summary>
    public IReadOnlyDictionary<string, double> LocalIntercepts { get; init; } = new Dictionary<string, double>();
}

/// <summary>What the rule packs produced for one patient: the contract's <c>definitions</c>, <c>models</c> and <c>cards</c>.</summary>
public sealed record RuleResults(JsonObject Definitions, JsonObject Models, JsonArray Cards, IReadOnlyList<RuleIssue> Issues);

/// <summary>
/// Runs every loaded pack over one EvaluationResult (the fact tree: course, scores, facts). Stateless and thread-safe:
/// each evaluation gets its own FHIRPath context. Never reads the clock: the date is the result's <c>asOf</c>.
/// </summary>
public sealed class RuleEngine(RuleSet rules, RuleEngineOptions? options = null)
{
    private static readonly Dictionary<string, int> Urgency = new(StringComparer.Ordinal) { ["critical"] = 0, ["warning"] = 1, ["info"] = 2 };
    private readonly RuleEngineOptions _options = options ?? new RuleEngineOptions();

    public RuleSet Rules => rules;

    /// <param name="given">Results of packs that are not evaluated but taken as given (pack id → definition): test vectors of
    /// a pack that uses other packs set them this way.</param>
    public RuleResults Evaluate(JsonElement result, JsonObject? given = null)
    {
        var asOf = result.TryGetProperty("asOf", out var a) && DateOnly.TryParseExact(a.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new ArgumentException("the evaluation result has no asOf date (YYYY-MM-DD)", nameof(result));
        var patient = result.TryGetProperty("patient", out var p) ? p.GetString() ?? "" : "";
        var definitions = new JsonObject();
        var models = new JsonObject();
        var cards = new List<(int Urgency, int Order, JsonObject Card)>();
        var issues = new List<RuleIssue>();
        var order = 0;
        foreach (var pack in rules.Packs)
        {
            if (given?[pack.Id] is JsonObject preset)
            {
                definitions[pack.Id] = preset.DeepClone();
                continue;
            }
            var state = new EvaluationState(pack, result, asOf, patient, issues);
            if (pack.Uses.Count > 0) UsedResults.Bind(state, pack, definitions, models);
            state.EvaluateDefines(pack.Defines);
            bool? applicable = pack.ApplicabilityWhen is { } when ? state.Condition(when, null, "applicability") : true;
            state.Bind("applicable", applicable is { } ap ? [BooleanValue.Of(ap)] : []);
            IReadOnlyList<string> assumptions = [];
            JsonObject? definitionJson = null;
            if (pack.Definition is { } definition)
            {
                var (json, status, found) = DefinitionEvaluator.Evaluate(state, definition, applicable);
                definitions[pack.Id] = json;
                definitionJson = json;
                assumptions = found;
                state.Bind("status", [new StringValue(status)]);
                if (pack.CardVariables.Contains("definition"))
                {
                    // Cards read status, reasons, criteria and values; the evidence (copies of facts) is left out of the binding.
                    var evidence = json["evidence"];
                    json.Remove("evidence");
                    state.Bind("definition", JsonSerializer.SerializeToElement(json));
                    if (evidence is not null) json["evidence"] = evidence;
                }
            }
            if (pack.Model is { } model)
            {
                var intercept = _options.LocalIntercepts.TryGetValue(pack.Id, out var b0) ? b0 : (double?)null;
                var json = ModelEvaluator.Evaluate(state, model, intercept);
                models[pack.Id] = json;
                if (pack.CardVariables.Contains("model")) state.Bind("model", JsonSerializer.SerializeToElement(json));
            }
            foreach (var card in pack.Cards)
                foreach (var (key, rendered) in RenderCards(state, card, assumptions, definitionJson))
                    cards.Add((Urgency[card.Indicator], order++, rendered));
        }
        var sorted = cards.OrderBy(c => c.Urgency).ThenBy(c => c.Order).Select(c => (JsonNode?)c.Card).ToArray();
        return new RuleResults(definitions, models, new JsonArray(sorted), issues);
    }

    private static IEnumerable<(string Key, JsonObject Card)> RenderCards(EvaluationState state, CardRule card, IReadOnlyList<string> assumptions, JsonObject? definition)
    {
        // The explanation lists the definition's assumptions itself; the card footer then does not repeat them.
        var explanation = card.Explain && definition is not null ? DefinitionExplanation.Markdown(definition) : null;
        if (explanation is not null) assumptions = [];
        if (card.ForEach is null)
        {
            if (state.Condition(card.When, null, $"card '{card.Id}'") == true)
                yield return ("", CardRenderer.Render(state, card, "", assumptions, explanation));
            yield break;
        }
        var items = state.Evaluate(card.ForEach, null, $"card '{card.Id}' for-each");
        for (var i = 0; i < items.Count; i++)
        {
            state.Bind(card.As, [items[i]]);
            var key = i.ToString(CultureInfo.InvariantCulture);
            if (state.Condition(card.When, null, $"card '{card.Id}'") == true)
                yield return (key, CardRenderer.Render(state, card, key, assumptions, explanation));
        }
    }

    /// <summary>The contract's <c>engine.rulePacks</c>, with title, evidence level and citation of each pack.</summary>
    public JsonArray RulePacksJson() =>
        new(rules.Packs.Select(p => (JsonNode?)new JsonObject
        {
            ["id"] = p.Id, ["version"] = p.Version, ["title"] = p.Title, ["evidence"] = p.Evidence,
            ["citation"] = DefinitionEvaluator.RuleInfo(p)["citation"]!.DeepClone(),
        }).ToArray());
}
