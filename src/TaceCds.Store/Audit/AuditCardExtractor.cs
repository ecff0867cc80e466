using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaceCds.Store.Records;

namespace TaceCds.Store.Audit;

/// <summary>
/// Turns the cards of a CDS Hooks response into audit cards: the rule that produced each (the card's
/// <c>source.topic.code</c>), its version (<c>engine.rulePacks</c> of the EvaluationResult, see
/// shared/contracts/evaluation-output.md), and the FHIR references the rule's definition used as evidence
/// (<c>definitions[rule].evidence</c>). Cards the service adds itself carry the engine version.
/// </summary>
public static partial class AuditCardExtractor
{
    /// <summary>Bound on evidence references kept per card (a definition quoting hundreds of labs keeps the first).</summary>
    public const int MaxEvidence = 50;

    [GeneratedRegex(@"^[A-Z][A-Za-z]+/[A-Za-z0-9\-\.]{1,64}$")]
    private static partial Regex FhirReference();

    public static IReadOnlyList<AuditCard> Extract(JsonArray cards, JsonObject? evaluationResult)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pack in evaluationResult?["engine"]?["rulePacks"] as JsonArray ?? [])
            if (Str(pack?["id"]) is { } id && Str(pack?["version"]) is { } version) versions[id] = version;
        var engineVersion = Str(evaluationResult?["engine"]?["version"]) ?? "unknown";
        var definitions = evaluationResult?["definitions"] as JsonObject;

        var audited = new List<AuditCard>();
        foreach (var card in cards.OfType<JsonObject>())
        {
            if (Str(card["uuid"]) is not { } uuid) continue; // no uuid: no feedback can name it, nothing to join
            var rule = Str(card["source"]?["topic"]?["code"]) ?? Str(card["source"]?["label"]) ?? "unknown";
            var evidence = new List<string>();
            if (definitions?[rule] is JsonObject definition) CollectReferences(definition["evidence"], evidence);
            audited.Add(new AuditCard
            {
                Uuid = uuid,
                RuleId = rule,
                RuleVersion = versions.GetValueOrDefault(rule) ?? engineVersion,
                Indicator = Str(card["indicator"]),
                Summary = Str(card["summary"]),
                EvidenceReferences = evidence,
            });
        }
        return audited;
    }

    private static void CollectReferences(JsonNode? node, List<string> into)
    {
        if (into.Count >= MaxEvidence) return;
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o) CollectReferences(value, into);
                break;
            case JsonArray a:
                foreach (var item in a) CollectReferences(item, into);
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && FhirReference().IsMatch(s) && !into.Contains(s):
                into.Add(s);
                break;
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
