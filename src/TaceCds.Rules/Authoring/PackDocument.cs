using System.Text.Json.Nodes;
using TaceCds.Rules.Loading;

namespace TaceCds.Rules.Authoring;

// The authoring format as written in rules/*.yaml, before validation and compilation (docs/rule-authoring.md).
// Every piece of text that will be compiled keeps its SourceMark so errors point at file:line.

internal sealed record Located(string Text, SourceMark Mark);

internal sealed record NamedExpression(string Name, Located Expression);

internal sealed record PackDocument(
    string File, SourceMark Mark, string Id, string Version, string Title, CitationDocument Citation, string Evidence,
    IReadOnlyList<Located> Uses, ApplicabilityDocument? Applicability, IReadOnlyList<NamedExpression> Defines, IReadOnlyList<(string Name, JsonNode? Rows, SourceMark Mark)> Tables,
    DefinitionDocument? Definition, ModelDocument? Model, IReadOnlyList<CardDocument> Cards, IReadOnlyList<VectorDocument> Tests);

internal sealed record CitationDocument(string Text, string? Url, string? Doi);

internal sealed record ApplicabilityDocument(string Text, Located? When);

/// <summary>A definition: criteria read top to bottom and combined (all = Kleene AND, any = Kleene OR).</summary>
internal sealed record DefinitionDocument(
    string Title, string Combine, IReadOnlyList<CriterionDocument> Criteria, IReadOnlyList<NamedExpression> Values,
    IReadOnlyList<NoteDocument> Notes, IReadOnlyList<NoteDocument> Assumptions, IReadOnlyList<NamedExpression> Evidence);

/// <summary>
/// One criterion: <c>requires</c> lists inputs that must exist (absent → insufficient data, with <c>missing</c> as the
/// explanation); <c>when</c> is the condition (empty → insufficient data, false → not met).
/// </summary>
/// <c>indicator</c>, <c>evidence</c> and <c>citation</c> are optional: a criterion that stands for another source (a decision
/// combining several definitions) says how urgent it is when met and where it comes from.
internal sealed record CriterionDocument(
    string Id, string Title, SourceMark Mark, IReadOnlyList<Located> Requires, Located? When,
    Located? Met, Located? NotMet, Located? Missing, string? Indicator = null, string? Evidence = null, CitationDocument? Citation = null);

/// <summary>A conditional text (note or assumption); <c>from</c> instead copies strings produced by an expression.</summary>
internal sealed record NoteDocument(Located? When, Located? Text, Located? From, SourceMark Mark);

internal sealed record ModelDocument(
    SourceMark Mark, Located? ForEach, string As, NamedExpression? Key, IReadOnlyList<NamedExpression> Defines,
    IReadOnlyList<CriterionDocument> Applicable, LogisticDocument? Logistic, RelativeOddsDocument? RelativeOdds,
    ClassifyDocument? Classify, PointsDocument? Points, IReadOnlyList<NamedExpression> Values, string? Population, string? Performance);

internal sealed record TermDocument(string Name, string Label, Located Value, string? Unit, double? Coefficient, double? OddsRatio,
    double? CiLow, double? CiHigh, double Reference, SourceMark Mark);

internal sealed record LogisticDocument(string Output, double? Intercept, IReadOnlyList<TermDocument> Terms, SourceMark Mark);

internal sealed record RelativeOddsDocument(string Output, string? ProbabilityOutput, IReadOnlyList<TermDocument> Terms, SourceMark Mark);

internal sealed record ClassifyDocument(string Output, IReadOnlyList<(Located When, string Value)> Cases, string Otherwise);

internal sealed record PointsDocument(string Output, IReadOnlyList<(string Name, Located When, double Points)> Items);

internal sealed record CardDocument(
    string Id, SourceMark Mark, Located When, Located? ForEach, string As, string Indicator, Located Summary, Located? Detail,
    IReadOnlyList<SuggestionDocument> Suggestions, string? SelectionBehavior, IReadOnlyList<(string Code, string Display)> OverrideReasons,
    IReadOnlyList<(string Label, string Url)> Links, bool Explain = false);

internal sealed record SuggestionDocument(string Label, bool? IsRecommended, IReadOnlyList<ActionDocument> Actions, SourceMark Mark);

internal sealed record ActionDocument(string Type, Located Description, JsonNode? Resource, SourceMark Mark);

/// <summary>
/// A test vector: input (a Bundle file, or inline facts, optionally a Bundle's facts with <c>set</c>/<c>remove</c> patches),
/// optionally the results of used packs (<c>definitions</c>, instead of evaluating them), an evaluation date, and what
/// this pack must produce.
/// </summary>
internal sealed record VectorDocument(
    string Name, SourceMark Mark, string? Bundle, JsonObject? Facts, IReadOnlyList<(string Path, JsonNode? Value)> Set,
    IReadOnlyList<string> Remove, string AsOf, JsonObject Expect, JsonObject? Definitions = null);
