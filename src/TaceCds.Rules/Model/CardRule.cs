using System.Text.Json.Nodes;

namespace TaceCds.Rules.Model;

/// <summary>
/// A CDS Hooks card template: when it applies (optionally once per item) and what it says. <see cref="Explain"/> adds the
/// explanation of the pack's definition (<see cref="Runtime.DefinitionExplanation"/>) to the detail.
/// </summary>
public sealed record CardRule(
    string Id, RuleExpression When, RuleExpression? ForEach, string As, string Indicator, Template Summary, Template? Detail,
    IReadOnlyList<SuggestionRule> Suggestions, string? SelectionBehavior, IReadOnlyList<(string Code, string Display)> OverrideReasons,
    IReadOnlyList<(string Label, string Url)> Links, bool Explain = false);

public sealed record SuggestionRule(string Label, bool? IsRecommended, IReadOnlyList<ActionRule> Actions);

/// <summary>A suggestion action; string values of <see cref="Resource"/> may hold placeholders (rendered per card).</summary>
public sealed record ActionRule(string Type, Template Description, JsonNode? Resource, IReadOnlyDictionary<string, Template> ResourceTemplates);
