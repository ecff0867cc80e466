using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Cards;

/// <summary>One way a response breaks a card rule: the JSON path and what is wrong.</summary>
public sealed record CardRuleViolation(string Path, string Rule);

/// <summary>
/// Checks a CDS Hooks 2.0.1 response (§"CDS Service Response", invariants cds-resp-1…6). <see cref="Validate"/> with
/// <c>serviceConventions</c> adds this service's own rules: a uuid on every card and suggestion (needed for feedback)
/// and a <c>source</c> with topic and citation url. Used by every endpoint and by the tests.
/// </summary>
public static class CdsResponseValidator
{
    private static readonly HashSet<string> Indicators = ["info", "warning", "critical"];
    private static readonly HashSet<string> SelectionBehaviors = ["at-most-one", "any"];
    private static readonly HashSet<string> ActionTypes = ["create", "update", "delete"];
    private static readonly HashSet<string> LinkTypes = ["absolute", "smart"];

    public static IReadOnlyList<CardRuleViolation> Validate(JsonNode? response, bool serviceConventions)
    {
        var v = new List<CardRuleViolation>();
        if (response is not JsonObject root)
        {
            v.Add(new("$", "the response must be a JSON object"));
            return v;
        }
        if (root["cards"] is not JsonArray cards) v.Add(new("cards", "cards is required and must be an array"));
        else for (var i = 0; i < cards.Count; i++) Card(cards[i], $"cards[{i}]", serviceConventions, v);
        if (root.ContainsKey("systemActions"))
        {
            if (root["systemActions"] is not JsonArray { Count: > 0 } actions) v.Add(new("systemActions", "systemActions must be a non-empty array when present"));
            else for (var i = 0; i < actions.Count; i++) Action(actions[i], $"systemActions[{i}]", requireDescription: false, v);
        }
        foreach (var (name, value) in root)
        {
            if (name != "cards") NoEmptyValues(value, name, v);
        }
        return v;
    }

    public static IReadOnlyList<CardRuleViolation> ValidateCard(JsonNode? card, string path, bool serviceConventions)
    {
        var v = new List<CardRuleViolation>();
        Card(card, path, serviceConventions, v);
        return v;
    }

    private static void Card(JsonNode? node, string path, bool conventions, List<CardRuleViolation> v)
    {
        if (node is not JsonObject card)
        {
            v.Add(new(path, "a card must be a JSON object"));
            return;
        }
        NoEmptyValues(card, path, v);
        if (Text(card["summary"]) is not { } summary) v.Add(new(path + ".summary", "summary is required"));
        else if (summary.Length >= 140) v.Add(new(path + ".summary", $"summary must be shorter than 140 characters (has {summary.Length})"));
        if (Text(card["indicator"]) is not { } indicator || !Indicators.Contains(indicator))
            v.Add(new(path + ".indicator", "indicator must be info, warning or critical"));
        if (card.ContainsKey("detail") && Text(card["detail"]) is null) v.Add(new(path + ".detail", "detail must be a string"));
        Source(card["source"], path + ".source", conventions && !NoVerifiedLink(card), v);
        if (conventions && Text(card["uuid"]) is null) v.Add(new(path + ".uuid", "every card of this service carries a uuid"));
        if (card.ContainsKey("suggestions"))
        {
            if (card["suggestions"] is not JsonArray suggestions) v.Add(new(path + ".suggestions", "suggestions must be an array"));
            else
            {
                var behavior = Text(card["selectionBehavior"]);
                if (behavior is null) v.Add(new(path + ".selectionBehavior", "cds-resp-6: selectionBehavior is required when there are suggestions"));
                else if (!SelectionBehaviors.Contains(behavior)) v.Add(new(path + ".selectionBehavior", "selectionBehavior must be at-most-one or any"));
                if (behavior == "at-most-one" && suggestions.Count(s => s?["isRecommended"] is JsonValue r && r.GetValueKind() == JsonValueKind.True) > 1)
                    v.Add(new(path + ".suggestions", "cds-resp-1: at most one suggestion may be recommended with at-most-one"));
                for (var i = 0; i < suggestions.Count; i++) Suggestion(suggestions[i], $"{path}.suggestions[{i}]", conventions, v);
            }
        }
        if (card.ContainsKey("overrideReasons"))
        {
            if (card["overrideReasons"] is not JsonArray reasons) v.Add(new(path + ".overrideReasons", "overrideReasons must be an array"));
            else for (var i = 0; i < reasons.Count; i++)
            {
                var reason = reasons[i];
                if (Text(reason?["code"]) is null || Text(reason?["system"]) is null)
                    v.Add(new($"{path}.overrideReasons[{i}]", "an override reason Coding needs code and system"));
                if (Text(reason?["display"]) is null) v.Add(new($"{path}.overrideReasons[{i}].display", "cds-resp-4: override reasons must have a display"));
            }
        }
        if (card.ContainsKey("links"))
        {
            if (card["links"] is not JsonArray links) v.Add(new(path + ".links", "links must be an array"));
            else for (var i = 0; i < links.Count; i++) Link(links[i], $"{path}.links[{i}]", v);
        }
    }

    // A card whose citation has no verified PubMed/DOI link says so in its detail instead of linking a search.
    private static bool NoVerifiedLink(JsonNode card) =>
        Text(card["detail"])?.Contains("no verified link", StringComparison.Ordinal) == true && card["source"]?["url"] is null;

    private static void Source(JsonNode? node, string path, bool conventions, List<CardRuleViolation> v)
    {
        if (node is not JsonObject source)
        {
            v.Add(new(path, "source is required"));
            return;
        }
        if (Text(source["label"]) is null) v.Add(new(path + ".label", "source.label is required"));
        foreach (var member in new[] { "url", "icon" })
        {
            if (source.ContainsKey(member) && !IsAbsoluteUrl(Text(source[member]))) v.Add(new($"{path}.{member}", $"source.{member} must be an absolute URL"));
        }
        if (source["topic"] is JsonObject topic && (Text(topic["code"]) is null || Text(topic["system"]) is null))
            v.Add(new(path + ".topic", "source.topic needs code and system"));
        if (conventions && source["topic"] is null) v.Add(new(path + ".topic", "this service's cards name their topic"));
        if (conventions && source["url"] is null) v.Add(new(path + ".url", "this service's cards link the rule's citation"));
    }

    private static void Suggestion(JsonNode? node, string path, bool conventions, List<CardRuleViolation> v)
    {
        if (node is not JsonObject suggestion)
        {
            v.Add(new(path, "a suggestion must be a JSON object"));
            return;
        }
        if (Text(suggestion["label"]) is null) v.Add(new(path + ".label", "suggestion label is required"));
        if (conventions && Text(suggestion["uuid"]) is null) v.Add(new(path + ".uuid", "every suggestion of this service carries a uuid"));
        if (suggestion.ContainsKey("actions"))
        {
            if (suggestion["actions"] is not JsonArray actions) v.Add(new(path + ".actions", "actions must be an array"));
            else for (var i = 0; i < actions.Count; i++) Action(actions[i], $"{path}.actions[{i}]", requireDescription: true, v);
        }
    }

    private static void Action(JsonNode? node, string path, bool requireDescription, List<CardRuleViolation> v)
    {
        if (node is not JsonObject action)
        {
            v.Add(new(path, "an action must be a JSON object"));
            return;
        }
        var type = Text(action["type"]);
        if (type is null || !ActionTypes.Contains(type)) v.Add(new(path + ".type", "action type must be create, update or delete (lower case)"));
        if (requireDescription && Text(action["description"]) is null) v.Add(new(path + ".description", "cds-resp-5: action description is required"));
        if (type is "create" or "update")
        {
            if (action["resource"] is not JsonObject resource || Text(resource["resourceType"]) is null)
                v.Add(new(path + ".resource", $"a {type} action needs the resource as a JSON object"));
            else if (Text(resource["id"]) is null) v.Add(new(path + ".resource.id", "the action's resource needs an id"));
        }
        if (type == "delete")
        {
            if (Text(action["resourceId"]) is null) v.Add(new(path + ".resourceId", "cds-resp-2: a delete action names the resource in resourceId"));
            if (action.ContainsKey("resource")) v.Add(new(path + ".resource", "cds-resp-2: a delete action carries no resource"));
        }
    }

    private static void Link(JsonNode? node, string path, List<CardRuleViolation> v)
    {
        if (Text(node?["label"]) is null) v.Add(new(path + ".label", "link label is required"));
        if (!IsAbsoluteUrl(Text(node?["url"]))) v.Add(new(path + ".url", "link url must be an absolute URL"));
        var type = Text(node?["type"]);
        if (type is null || !LinkTypes.Contains(type)) v.Add(new(path + ".type", "link type must be absolute or smart"));
        if (type != "smart" && node?["appContext"] is not null) v.Add(new(path + ".appContext", "cds-resp-3: appContext only on smart links"));
    }

    // CDS Hooks 2.0.1 §"JSON": no null and no empty string, array or object, anywhere below a card.
    private static void NoEmptyValues(JsonNode? node, string path, List<CardRuleViolation> v)
    {
        switch (node)
        {
            case null: v.Add(new(path, "null is not allowed; omit the member")); break;
            case JsonObject { Count: 0 }: v.Add(new(path, "an empty object is not allowed; omit the member")); break;
            case JsonArray { Count: 0 }: v.Add(new(path, "an empty array is not allowed; omit the member")); break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length == 0:
                v.Add(new(path, "an empty string is not allowed; omit the member")); break;
            case JsonObject obj:
                foreach (var (name, child) in obj) NoEmptyValues(child, $"{path}.{name}", v);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) NoEmptyValues(array[i], $"{path}[{i}]", v);
                break;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool IsAbsoluteUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
}
