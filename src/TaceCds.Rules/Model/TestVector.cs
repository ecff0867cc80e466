using System.Text.Json.Nodes;
using TaceCds.Rules.Loading;

namespace TaceCds.Rules.Model;

/// <summary>
/// A pack's test vector: input, evaluation date, expected outcome (see docs/rule-authoring.md "Test vectors").
/// <see cref="Definitions"/> gives the results of used packs (id → definition) instead of evaluating them.
/// </summary>
public sealed record TestVector(
    string Name, SourceMark Mark, string? BundlePath, JsonObject? Facts, IReadOnlyList<(string Path, JsonNode? Value)> Set,
    IReadOnlyList<string> Remove, DateOnly AsOf, JsonObject Expect, JsonObject? Definitions = null);
