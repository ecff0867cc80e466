using System.Text.Json.Nodes;
using TaceCds.Rules.Model;

namespace TaceCds.Rules.Runtime;

/// <summary>Evaluates a pack's definition into the contract's <c>definitions.{id}</c> object.</summary>
internal static class DefinitionEvaluator
{
    public static (JsonObject Json, string Status, IReadOnlyList<string> Assumptions) Evaluate(EvaluationState state, DefinitionRule definition, bool? applicable)
    {
        var pack = state.Pack;
        var json = new JsonObject();
        var reasons = new List<string>();
        var missing = new List<string>();
        var missingPaths = new List<string>();
        bool? status;
        IReadOnlyList<CriteriaEvaluator.Outcome> outcomes = [];
        if (applicable is false)
        {
            status = false;
            reasons.Add("Not applicable: " + pack.ApplicabilityText);
        }
        else if (applicable is null)
        {
            status = null;
            missing.Add("applicability could not be decided: " + pack.ApplicabilityText);
        }
        else
        {
            outcomes = definition.Criteria.Select(c => CriteriaEvaluator.Evaluate(state, c)).ToList();
            status = CriteriaEvaluator.Combine(outcomes, definition.Combine);
            foreach (var o in CriteriaEvaluator.Deciding(outcomes, status))
            {
                if (status is null)
                {
                    missing.AddRange(o.Missing);
                    missingPaths.AddRange(o.MissingPaths);
                }
                else if (o.Reason is { Length: > 0 } r) reasons.Add(r);
            }
        }
        foreach (var note in definition.Notes) reasons.AddRange(NoteTexts(state, note, "note"));
        var assumptions = definition.Assumptions.SelectMany(a => NoteTexts(state, a, "assumption")).Distinct(StringComparer.Ordinal).ToList();

        var statusText = RuleStatus.Of(status);
        json["status"] = statusText;
        json["title"] = definition.Title;
        if (applicable is { } a) json["applicable"] = a;
        if (reasons.Count > 0) json["reasons"] = Strings(reasons);
        if (missing.Count > 0) json["missing"] = Strings(missing.Distinct(StringComparer.Ordinal));
        if (missingPaths.Count > 0) json["missingData"] = Strings(missingPaths.Distinct(StringComparer.Ordinal));
        if (assumptions.Count > 0) json["assumptions"] = Strings(assumptions);
        if (outcomes.Count > 0) json["criteria"] = CriteriaEvaluator.ToJson(outcomes);
        var values = new JsonObject();
        foreach (var v in definition.Values)
            if (ValueJson.ToNode(state.Evaluate(v.Expression, null, $"value '{v.Name}'")) is { } node) values[v.Name] = node;
        if (values.Count > 0) json["values"] = values;
        var evidence = new JsonObject();
        foreach (var e in definition.Evidence)
            if (ValueJson.ToNode(state.Evaluate(e.Expression, null, $"evidence '{e.Name}'")) is { } node) evidence[e.Name] = node;
        if (evidence.Count > 0) json["evidence"] = evidence;
        json["rule"] = RuleInfo(pack);
        return (json, statusText, assumptions);
    }

    public static IEnumerable<string> NoteTexts(EvaluationState state, Note note, string what)
    {
        if (note.When is { } when && state.Condition(when, null, what) != true) return [];
        if (note.Text is { } text) return [state.Render(text, markdown: false)];
        return note.From is { } from
            ? state.Evaluate(from, null, what).Select(v => ValueFormatter.Format([v], null, markdown: false)).ToList()
            : [];
    }

    public static JsonObject RuleInfo(RulePack pack)
    {
        var citation = new JsonObject { ["text"] = pack.Citation.Text };
        if (pack.Citation.Url is { } url) citation["url"] = url;
        if (pack.Citation.Doi is { } doi) citation["doi"] = doi;
        return new JsonObject { ["id"] = pack.Id, ["version"] = pack.Version, ["evidence"] = pack.Evidence, ["citation"] = citation };
    }

    public static JsonArray Strings(IEnumerable<string> items) => new(items.Select(s => (JsonNode?)s).ToArray());
}
