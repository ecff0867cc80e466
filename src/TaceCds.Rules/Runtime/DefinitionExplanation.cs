using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TaceCds.Rules.Runtime;

/// <summary>
/// Explains a definition's outcome from its result object (<c>definitions.{id}</c>): which criteria were met (with the
/// values and dates their texts carry, their urgency, evidence level and citation), which were not, which lacked data
/// and what would decide them, the assumptions, relevance in time and the FHIR resources behind it. One wording source:
/// the card detail (markdown) and the terminal summary (plain text) are two renderings of the same sections.
/// </summary>
public static partial class DefinitionExplanation
{
    public sealed record Section(string Heading, IReadOnlyList<string> Items);

    public static IReadOnlyList<Section> Sections(JsonObject definition)
    {
        var sections = new List<Section>();
        var status = Text(definition["status"]) ?? RuleStatus.InsufficientData;
        var criteria = (definition["criteria"] as JsonObject ?? []).Select(c => c.Value as JsonObject).OfType<JsonObject>().ToList();
        var decision = StatusWords(status) + (MostUrgentMet(criteria) is { } urgency ? $" ({urgency})" : "");
        if (definition["values"]?["relevance"] is { } relevance)
            decision += Text(relevance) == "history"
                ? $"; history, not a current alert: {Text(definition["values"]?["relevanceReason"])}"
                : "; current";
        sections.Add(new Section("Decision", [decision]));
        sections.Add(new Section("Met", criteria.Where(c => Text(c["status"]) == RuleStatus.Met).Select(Describe).ToList()));
        sections.Add(new Section("Insufficient data (what would decide it)",
            criteria.Where(c => Text(c["status"]) == RuleStatus.InsufficientData).Select(c => $"{Text(c["title"])}: {Text(c["reason"]) ?? "data missing"}").ToList()));
        sections.Add(new Section("Not met", criteria.Where(c => Text(c["status"]) == RuleStatus.NotMet)
            .Select(c => Text(c["reason"]) is { } r ? $"{Text(c["title"])}: {r}" : Text(c["title"])!).ToList()));
        // Reasons that belong to no criterion (a systemic therapy alongside the course, a course boundary) still explain it.
        var criterionReasons = criteria.Select(c => Text(c["reason"])).OfType<string>().ToHashSet(StringComparer.Ordinal);
        sections.Add(new Section("Also noted", Strings(definition["reasons"]).Where(r => !criterionReasons.Contains(r)).ToList()));
        sections.Add(new Section("Assumptions", Strings(definition["assumptions"])));
        var references = new SortedSet<string>(StringComparer.Ordinal);
        CollectReferences(definition["evidence"], references);
        sections.Add(new Section("FHIR resources used", references.Count > 0 ? [string.Join(", ", references)] : []));
        return sections.Where(s => s.Items.Count > 0).ToList();
    }

    public static string Markdown(JsonObject definition)
    {
        var sb = new StringBuilder();
        foreach (var section in Sections(definition))
        {
            sb.Append("**").Append(section.Heading).Append(":**\n\n");
            foreach (var item in section.Items) sb.Append("- ").Append(ValueFormatter.EscapeMarkdown(item)).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    public static string PlainText(JsonObject definition, string indent = "")
    {
        var sb = new StringBuilder();
        foreach (var section in Sections(definition))
        {
            sb.Append(indent).Append(section.Heading).Append(":\n");
            foreach (var item in section.Items) sb.Append(indent).Append("  - ").Append(item).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A definition whose criteria carry an indicator is a decision: it explains itself on cards and in text.</summary>
    public static bool IsDecision(JsonObject definition) =>
        (definition["criteria"] as JsonObject ?? []).Any(c => c.Value?["indicator"] is not null);

    private static string Describe(JsonObject criterion)
    {
        var source = new List<string>();
        if (Text(criterion["indicator"]) is { } indicator) source.Add(indicator);
        if (Text(criterion["evidence"]) is { } evidence) source.Add("evidence " + evidence);
        if (Text(criterion["citation"]?["text"]) is { } citation)
            source.Add(criterion["citation"]?["url"] is null && criterion["citation"]?["doi"] is null ? citation + " (no verified link)" : citation);
        var head = Text(criterion["title"]) + (source.Count > 0 ? $" [{string.Join("; ", source)}]" : "");
        return Text(criterion["reason"]) is { } reason ? $"{head}: {reason}" : head;
    }

    // Indicators are ordered by urgency; the decision's urgency is that of its most urgent met criterion.
    private static readonly string[] Urgency = ["critical", "warning", "info"];

    public static string? MostUrgentMet(IEnumerable<JsonObject> criteria) =>
        criteria.Where(c => Text(c["status"]) == RuleStatus.Met).Select(c => Text(c["indicator"])).OfType<string>()
            .OrderBy(i => Array.IndexOf(Urgency, i)).FirstOrDefault();

    /// <summary>The most urgent indicator among a definition's met criteria (null when none is met or none has one).</summary>
    public static string? MostUrgentMet(JsonObject definition) =>
        MostUrgentMet((definition["criteria"] as JsonObject ?? []).Select(c => c.Value as JsonObject).OfType<JsonObject>());

    /// <summary>A status in words: met, not met, insufficient data.</summary>
    public static string StatusWords(string status) => status switch
    {
        RuleStatus.Met => "met",
        RuleStatus.NotMet => "not met",
        _ => "insufficient data",
    };

    private static void CollectReferences(JsonNode? node, SortedSet<string> found)
    {
        switch (node)
        {
            case JsonObject o: foreach (var (_, v) in o) CollectReferences(v, found); break;
            case JsonArray a: foreach (var v in a) CollectReferences(v, found); break;
            case JsonValue v when v.TryGetValue<string>(out var s) && Reference().IsMatch(s): found.Add(s); break;
        }
    }

    [GeneratedRegex("^[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}$")]
    private static partial Regex Reference();

    private static List<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(Text).OfType<string>().ToList();

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToString();
}
