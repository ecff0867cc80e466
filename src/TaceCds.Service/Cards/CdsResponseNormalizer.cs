using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Cards;

/// <summary>
/// Brings cards from any producer (this service, rule packs) to the CDS Hooks 2.0.1 shape before they are sent:
/// null and empty optional members dropped, a uuid on every card and suggestion, action types in lower case,
/// <c>resource</c> as an object, <c>selectionBehavior</c> set when there are suggestions, and summaries under
/// 140 characters. Cards that still break a rule are left out (and reported) rather than sent.
/// </summary>
public static class CdsResponseNormalizer
{
    public const int MaxSummaryLength = 139;

    /// <summary>A new <c>{"cards": [...]}</c> with each card normalised; <paramref name="rejected"/> gets what had to be dropped.</summary>
    public static JsonObject Normalize(IEnumerable<JsonNode?> cards, List<CardRuleViolation> rejected)
    {
        var kept = new JsonArray();
        foreach (var card in cards)
        {
            if (Prune(card?.DeepClone()) is not JsonObject normalised) continue;
            NormaliseCard(normalised);
            var violations = CdsResponseValidator.ValidateCard(normalised, $"cards[{kept.Count}]", serviceConventions: true);
            if (violations.Count == 0) kept.Add(normalised);
            else rejected.AddRange(violations);
        }
        return new JsonObject { ["cards"] = kept };
    }

    private static void NormaliseCard(JsonObject card)
    {
        if (card["uuid"] is null) card["uuid"] = Guid.NewGuid().ToString();
        if (card["summary"] is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>() is { Length: > MaxSummaryLength } summary)
            card["summary"] = summary[..(MaxSummaryLength - 1)].TrimEnd() + "…";
        if (card["indicator"] is JsonValue i && i.GetValueKind() == JsonValueKind.String) card["indicator"] = i.GetValue<string>().ToLowerInvariant();
        if (card["suggestions"] is not JsonArray suggestions) return;
        foreach (var suggestion in suggestions.OfType<JsonObject>())
        {
            if (suggestion["uuid"] is null) suggestion["uuid"] = Guid.NewGuid().ToString();
            if (suggestion["actions"] is not JsonArray actions) continue;
            foreach (var action in actions.OfType<JsonObject>())
            {
                if (action["type"] is JsonValue t && t.GetValueKind() == JsonValueKind.String) action["type"] = t.GetValue<string>().ToLowerInvariant();
                // A resource serialised into a string (a known bug of other engines) becomes the object it encodes.
                if (action["resource"] is JsonValue r && r.GetValueKind() == JsonValueKind.String)
                {
                    try { action["resource"] = JsonNode.Parse(r.GetValue<string>()); }
                    catch (JsonException) { /* left as is: the validator rejects the card */ }
                }
            }
        }
        if (card["selectionBehavior"] is null && suggestions.Count > 0)
        {
            var recommended = suggestions.Count(x => x?["isRecommended"] is JsonValue b && b.GetValueKind() == JsonValueKind.True);
            card["selectionBehavior"] = recommended > 1 ? "any" : "at-most-one";
        }
    }

    // Drops null members and empty strings, arrays and objects, bottom-up.
    private static JsonNode? Prune(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var pruned = Prune(obj[name]);
                    if (pruned is null) obj.Remove(name);
                    else if (!ReferenceEquals(pruned, obj[name])) obj[name] = pruned;
                }
                return obj.Count == 0 ? null : obj;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (Prune(array[i]) is null) array.RemoveAt(i);
                }
                return array.Count == 0 ? null : array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0:
                return null;
            default:
                return node;
        }
    }
}
