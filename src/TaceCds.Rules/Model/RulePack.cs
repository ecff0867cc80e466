using System.Text.Json;
using TaceCds.Rules.Loading;

namespace TaceCds.Rules.Model;

/// <summary>A validated, compiled rule pack: metadata, defines in evaluation order, a definition and/or a model, cards, test vectors.</summary>
public sealed class RulePack
{
    public required string File { get; init; }
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required string Title { get; init; }
    public required Citation Citation { get; init; }
    /// <summary>seed | confirmed | secondary (clinical-reference.md).</summary>
    public required string Evidence { get; init; }
    /// <summary>The packs whose results this pack reads (<c>uses:</c>), each with where it is named.</summary>
    public IReadOnlyList<PackReference> Uses { get; init; } = [];
    /// <summary>Every <c>%definitions.`id`</c> / <c>%models.`id`</c> read in the pack's expressions (checked against <see cref="Uses"/>).</summary>
    public IReadOnlyList<PackReference> Reads { get; init; } = [];
    public string? ApplicabilityText { get; init; }
    public RuleExpression? ApplicabilityWhen { get; init; }
    /// <summary>In dependency order: each define comes after the defines it uses.</summary>
    public required IReadOnlyList<Define> Defines { get; init; }
    public required IReadOnlyDictionary<string, JsonElement> Tables { get; init; }
    public DefinitionRule? Definition { get; init; }
    public ModelRule? Model { get; init; }
    public required IReadOnlyList<CardRule> Cards { get; init; }
    public required IReadOnlyList<TestVector> Tests { get; init; }
    /// <summary>The %variables card expressions use: the engine binds %definition and %model only when a card reads them.</summary>
    public IReadOnlySet<string> CardVariables { get; init; } = new HashSet<string>();
}

public sealed record Citation(string Text, string? Url, string? Doi)
{
    public string? Link => Url ?? (Doi is null ? null : "https://doi.org/" + Doi);
}

public sealed record Define(string Name, RuleExpression Expression);

/// <summary>A pack named by another pack (in <c>uses:</c> or in a <c>%definitions</c>/<c>%models</c> read), and where.</summary>
public sealed record PackReference(string Id, SourceMark Mark);

public sealed record NamedRuleExpression(string Name, RuleExpression Expression);
