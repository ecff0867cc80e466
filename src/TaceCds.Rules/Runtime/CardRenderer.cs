using TaceCds.Fhir.Identity;
using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Model;

namespace TaceCds.Rules.Runtime;

/// <summary>
/// Renders a card template into a CDS Hooks 2.0 Card (cds-hooks.md §4): deterministic uuids, summary under 140
/// characters, markdown detail with escaped values and a footer naming rule, version, evidence level and citation;
/// optional members are omitted rather than null or empty.
/// </summary>
internal static class CardRenderer
{
    public const string ProjectSystem = "https://tacecds.org/fhir/CodeSystem/tacecds";
    public const string OverrideReasonSystem = "https://tacecds.org/fhir/CodeSystem/tacecds-override-reason";

    private static readonly Dictionary<string, string> EvidenceMeaning = new(StringComparer.Ordinal)
    {
        ["seed"] = "stated in the source documents this project was founded on",
        ["confirmed"] = "read in the primary source or a guideline table reproducing it",
        ["secondary"] = "read only in reviews or copies of the source; verify before relying on it",
    };

    public static JsonObject Render(EvaluationState state, CardRule card, string itemKey, IReadOnlyList<string> assumptions, string? explanation = null)
    {
        var pack = state.Pack;
        var uuidName = $"{state.Patient}|{pack.Id}|{pack.Version}|{card.Id}|{itemKey}|{state.AsOf:yyyy-MM-dd}";
        var uuid = NameBasedUuid.Create(NameBasedUuid.CardNamespace, uuidName);
        var summary = state.Render(card.Summary, markdown: false).Trim();
        if (summary.Length > PackCompiler.MaxSummaryLength)
        {
            state.Report(RuleErrorCodes.SummaryTruncated, $"card '{card.Id}': rendered summary had {summary.Length} characters; shortened to {PackCompiler.MaxSummaryLength}");
            summary = summary[..(PackCompiler.MaxSummaryLength - 1)].TrimEnd() + "…";
        }
        var json = new JsonObject
        {
            ["uuid"] = uuid.ToString(),
            ["summary"] = summary,
            ["indicator"] = card.Indicator,
            ["detail"] = Detail(state, card, assumptions, explanation),
            ["source"] = Source(pack),
        };
        if (card.Suggestions.Count > 0)
        {
            var suggestions = new JsonArray();
            for (var i = 0; i < card.Suggestions.Count; i++)
                suggestions.Add(Suggestion(state, card.Suggestions[i], NameBasedUuid.Create(uuid, i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            json["suggestions"] = suggestions;
            json["selectionBehavior"] = card.SelectionBehavior;
        }
        if (card.OverrideReasons.Count > 0)
            json["overrideReasons"] = new JsonArray(card.OverrideReasons
                .Select(r => (JsonNode?)new JsonObject { ["system"] = OverrideReasonSystem, ["code"] = r.Code, ["display"] = r.Display }).ToArray());
        if (card.Links.Count > 0 || pack.Citation.Link is not null)
        {
            var links = card.Links.Select(l => (l.Label, l.Url)).ToList();
            if (pack.Citation.Link is { } cite && links.All(l => l.Url != cite)) links.Add(("Source: " + Shorten(pack.Citation.Text, 60), cite));
            json["links"] = new JsonArray(links.Select(l => (JsonNode?)new JsonObject { ["label"] = l.Item1, ["url"] = l.Item2, ["type"] = "absolute" }).ToArray());
        }
        return json;
    }

    private static string Detail(EvaluationState state, CardRule card, IReadOnlyList<string> assumptions, string? explanation)
    {
        var pack = state.Pack;
        var sb = new StringBuilder();
        if (explanation is { Length: > 0 }) sb.Append(explanation).Append("\n\n");
        if (card.Detail is { } detail) sb.Append(state.Render(detail, markdown: true).TrimEnd()).Append("\n\n");
        if (assumptions.Count > 0)
        {
            sb.Append("**Assumptions:**\n\n");
            foreach (var a in assumptions) sb.Append("- ").Append(ValueFormatter.EscapeMarkdown(a)).Append('\n');
            sb.Append('\n');
        }
        sb.Append("---\n");
        sb.Append("Rule `").Append(pack.Id).Append("` version ").Append(ValueFormatter.EscapeMarkdown(pack.Version))
          .Append(". Evidence: **").Append(pack.Evidence).Append("** (").Append(EvidenceMeaning[pack.Evidence]).Append("). ")
          .Append("Source: ").Append(ValueFormatter.EscapeMarkdown(pack.Citation.Text))
          // Say that no link was verified, so a reader does not take a missing link for an oversight.
          .Append(pack.Citation.Link is null ? " (no verified link)." : ".");
        return sb.ToString();
    }

    private static JsonObject Source(RulePack pack)
    {
        var source = new JsonObject { ["label"] = Shorten($"TaceCds rule {pack.Id} ({pack.Evidence} evidence)", 100) };
        if (pack.Citation.Link is { } url) source["url"] = url;
        source["topic"] = new JsonObject { ["system"] = ProjectSystem, ["code"] = pack.Id, ["display"] = pack.Title };
        return source;
    }

    private static JsonObject Suggestion(EvaluationState state, SuggestionRule suggestion, Guid uuid)
    {
        var json = new JsonObject { ["label"] = suggestion.Label, ["uuid"] = uuid.ToString() };
        if (suggestion.IsRecommended is { } r) json["isRecommended"] = r;
        if (suggestion.Actions.Count > 0)
        {
            json["actions"] = new JsonArray(suggestion.Actions.Select(a =>
            {
                var action = new JsonObject { ["type"] = a.Type, ["description"] = state.Render(a.Description, markdown: false) };
                if (a.Resource is { } resource) action["resource"] = Fill(state, resource.DeepClone(), a.ResourceTemplates);
                return (JsonNode?)action;
            }).ToArray());
        }
        return json;
    }

    private static JsonNode? Fill(EvaluationState state, JsonNode? node, IReadOnlyDictionary<string, Template> templates)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList()) o[key] = Fill(state, o[key]?.DeepClone(), templates);
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) a[i] = Fill(state, a[i]?.DeepClone(), templates);
                return a;
            case JsonValue v when v.TryGetValue<string>(out var s) && templates.TryGetValue(s, out var t):
                return JsonValue.Create(state.Render(t, markdown: false));
            default:
                return node;
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
