using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using TaceCds.Publishing.Packs;
using TaceCds.Rules.Model;

namespace TaceCds.Publishing.Results;

/// <summary>
/// A pack's cards as a RequestGroup instantiating its PlanDefinition: one action per card (title = summary, description =
/// detail, priority from the indicator, the card's topic and links). R4 requires each action to carry a resource or
/// sub-actions (rqg-1), so each card's recommendation is a CommunicationRequest to the clinician (as the HL7 CPG
/// implementation guide models a recommendation to communicate), with the card's summary and detail as payload.
/// </summary>
public static class PackRecommendations
{
    public sealed record Output(RequestGroup Group, IReadOnlyList<CommunicationRequest> Communications);

    public static Output Build(ResultContext context, RulePack pack, IReadOnlyList<JsonObject> cards)
    {
        var group = new RequestGroup
        {
            Id = context.Id("RequestGroup|" + pack.Id),
            InstantiatesCanonical = [Canonicals.PlanDefinition(pack.Id) + "|" + pack.Version],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Proposal,
            Subject = context.Subject,
        };
        var communications = new List<CommunicationRequest>();
        for (var i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            var indicator = ScoreObservations.Text(card["indicator"]) ?? "info";
            var summary = ScoreObservations.Text(card["summary"]);
            var detail = ScoreObservations.Text(card["detail"]);
            var communication = new CommunicationRequest
            {
                Id = context.Id($"CommunicationRequest|{pack.Id}|{ScoreObservations.Text(card["uuid"]) ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)}"),
                Status = RequestStatus.Active,
                Subject = context.Subject,
                Priority = PackPlanDefinition.Priority(indicator),
                Payload = new[] { summary, detail }.OfType<string>().Select(t => new CommunicationRequest.PayloadComponent { Content = new FhirString(t) }).ToList(),
            };
            communications.Add(communication);
            var action = new RequestGroup.ActionComponent
            {
                ElementId = ScoreObservations.Text(card["uuid"]),
                Title = summary,
                Description = detail,
                Priority = PackPlanDefinition.Priority(indicator),
                Resource = ResultContext.Reference(communication),
            };
            if (card["source"]?["topic"] is JsonObject topic)
                action.Code.Add(new CodeableConcept(ScoreObservations.Text(topic["system"]), ScoreObservations.Text(topic["code"]), ScoreObservations.Text(topic["display"]), null));
            foreach (var link in card["links"] as JsonArray ?? [])
                if (ScoreObservations.Text(link?["url"]) is { } url)
                    action.Documentation.Add(new RelatedArtifact { Type = RelatedArtifact.RelatedArtifactType.Documentation, Label = ScoreObservations.Text(link?["label"]), Url = url });
            group.Action.Add(action);
        }
        return new Output(group, communications);
    }
}
