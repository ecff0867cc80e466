using System.Text.Json.Nodes;

namespace TaceCds.Service.Cards;

/// <summary>
/// Makes the cards of one response instances of their own: a fresh uuid on every card and suggestion (CDS Hooks: the
/// uuid identifies the card instance that feedback refers to). The rule a card comes from keeps its stable identity in
/// <c>source.topic</c>; the deterministic uuids of the EvaluationResult (reproducible CLI output) never reach a client.
/// </summary>
public static class CardInstances
{
    public static List<JsonNode?> Stamp(IEnumerable<JsonNode?> cards, ICardUuidSource uuids)
    {
        var stamped = new List<JsonNode?>();
        foreach (var card in cards)
        {
            if (card is JsonObject obj)
            {
                obj["uuid"] = uuids.Next();
                foreach (var suggestion in (obj["suggestions"] as JsonArray ?? []).OfType<JsonObject>())
                    suggestion["uuid"] = uuids.Next();
            }
            stamped.Add(card);
        }
        return stamped;
    }
}
