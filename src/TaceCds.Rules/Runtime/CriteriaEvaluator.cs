using System.Text.Json.Nodes;
using TaceCds.Rules.Model;

namespace TaceCds.Rules.Runtime;

/// <summary>
/// Evaluates criteria top to bottom and combines them three-valued (Kleene): missing data gives "insufficient data" with
/// the missing inputs, never "not met".
/// </summary>
internal static class CriteriaEvaluator
{
    /// <param name="RequiredInputAbsent">Unknown because a <c>requires</c> input is absent (the root cause, reported first).</param>
    public sealed record Outcome(Criterion Criterion, bool? Value, string? Reason, IReadOnlyList<string> Missing, IReadOnlyList<string> MissingPaths, bool RequiredInputAbsent = false);

    public static Outcome Evaluate(EvaluationState state, Criterion criterion)
    {
        var paths = new List<string>();
        bool? value = true;
        var requiredAbsent = false;
        foreach (var required in criterion.Requires)
        {
            if (state.Evaluate(required, paths, $"criterion '{criterion.Id}' requires").Count == 0)
            {
                state.AddDefineMissing(required, paths);
                if (paths.Count == 0) paths.Add(required.Text.TrimStart('%'));
                value = null;
                requiredAbsent = true;
                break;
            }
        }
        if (value is true && criterion.When is { } when)
        {
            value = state.Condition(when, paths, $"criterion '{criterion.Id}'");
            if (value is null) state.AddDefineMissing(when, paths);
        }
        var template = value switch { true => criterion.Met, false => criterion.NotMet, null => criterion.Missing };
        var reason = template is null ? null : state.Render(template, markdown: false);
        var missing = value is null ? new[] { reason ?? criterion.Title } : [];
        return new Outcome(criterion, value, reason, missing, value is null ? paths.Distinct(StringComparer.Ordinal).ToList() : [], requiredAbsent);
    }

    public static bool? Combine(IReadOnlyList<Outcome> outcomes, CriteriaCombination combine)
    {
        if (combine == CriteriaCombination.All)
            return outcomes.Any(o => o.Value == false) ? false : outcomes.Any(o => o.Value is null) ? null : true;
        return outcomes.Any(o => o.Value == true) ? true : outcomes.Any(o => o.Value is null) ? null : false;
    }

    /// <summary>The outcomes that decided the combined value (for the reasons list).</summary>
    /// <summary>
    /// The outcomes that decided the combined value (for the reasons list). For insufficient data, the criteria whose
    /// required inputs are absent come first: a later criterion that is unknown only because of them adds nothing.
    /// </summary>
    public static IEnumerable<Outcome> Deciding(IReadOnlyList<Outcome> outcomes, bool? combined)
    {
        var deciding = outcomes.Where(o => o.Value == combined).ToList();
        if (combined is null && deciding.Any(o => o.RequiredInputAbsent))
            return deciding.Where(o => o.RequiredInputAbsent);
        return deciding;
    }

    public static JsonObject ToJson(IReadOnlyList<Outcome> outcomes)
    {
        var json = new JsonObject();
        foreach (var o in outcomes)
        {
            var c = new JsonObject { ["status"] = RuleStatus.Of(o.Value), ["title"] = o.Criterion.Title };
            if (o.Reason is { Length: > 0 } r) c["reason"] = r;
            if (o.MissingPaths.Count > 0) c["missingData"] = new JsonArray(o.MissingPaths.Select(p => (JsonNode?)p).ToArray());
            if (o.Criterion.Indicator is { } indicator) c["indicator"] = indicator;
            if (o.Criterion.Evidence is { } evidence) c["evidence"] = evidence;
            if (o.Criterion.Citation is { } citation)
            {
                var cite = new JsonObject { ["text"] = citation.Text };
                if (citation.Url is { } url) cite["url"] = url;
                if (citation.Doi is { } doi) cite["doi"] = doi;
                c["citation"] = cite;
            }
            json[o.Criterion.Id] = c;
        }
        return json;
    }
}
