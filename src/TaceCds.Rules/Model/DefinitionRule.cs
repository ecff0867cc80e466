namespace TaceCds.Rules.Model;

/// <summary>A definition (e.g. CCI refractoriness): criteria combined three-valued; values, notes, assumptions and evidence to report.</summary>
public sealed record DefinitionRule(
    string Title, CriteriaCombination Combine, IReadOnlyList<Criterion> Criteria, IReadOnlyList<NamedRuleExpression> Values,
    IReadOnlyList<Note> Notes, IReadOnlyList<Note> Assumptions, IReadOnlyList<NamedRuleExpression> Evidence);

public enum CriteriaCombination
{
    /// <summary>Kleene AND: any not met → not met; else any unknown → insufficient data; else met.</summary>
    All,
    /// <summary>Kleene OR: any met → met; else any unknown → insufficient data; else not met.</summary>
    Any,
}

/// <summary>
/// One criterion: inputs that must exist, a condition, and the texts explaining each outcome; optionally how urgent it is
/// when met (<see cref="Indicator"/>) and its own evidence level and citation (a criterion standing for another source).
/// </summary>
public sealed record Criterion(
    string Id, string Title, IReadOnlyList<RuleExpression> Requires, RuleExpression? When,
    Template? Met, Template? NotMet, Template? Missing, string? Indicator = null, string? Evidence = null, Citation? Citation = null);

/// <summary>A text added when its condition holds, or the strings an expression produces (<c>from</c>).</summary>
public sealed record Note(RuleExpression? When, Template? Text, RuleExpression? From);
