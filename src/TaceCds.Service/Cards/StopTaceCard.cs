using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Publishing.Suggestions;

namespace TaceCds.Service.Cards;

/// <summary>
/// The card of <c>tace-order-check</c> for a TACE order when the stop-TACE decision (<see cref="StopTaceDecision"/>) is
/// met: critical or warning as the decision's most urgent met criterion says; remove the draft order, or refer to the
/// tumor board instead (at most one), with override reasons for continuing anyway. A DEB-TACE order is a switch to an
/// option the CCI consensus names, not a repeat: a warning that says so.
/// </summary>
public static class StopTaceCard
{
    public const string Topic = "tace-stop";
    /// <summary>The project's code system of reasons for overriding the card.</summary>
    public const string OverrideReasonSystem = "https://tacecds.org/fhir/CodeSystem/tace-override-reason";

    private static readonly (string Code, string Display)[] OverrideReasons =
    [
        ("tumor-board-decision", "The tumor board decided to continue TACE"),
        ("bridge-to-transplant", "TACE as a bridge or downstaging to transplantation"),
        ("alternatives-declined", "The patient declined the alternatives after informed discussion"),
        ("record-incomplete", "The record the check used is incomplete or out of date"),
    ];

    public static JsonObject Build(TaceOrder order, StopTaceDecision decision, string patientId)
    {
        var reason = ResultJson.Text(decision.MetCriteria[0]["reason"]) ?? ResultJson.Text(decision.MetCriteria[0]["title"]) ?? "";
        var indicator = decision.Indicator ?? "warning";
        var summary = indicator == "critical" ? $"Stop TACE? {reason}" : $"Consider switching from TACE? {reason}";
        var suggestions = new JsonArray();
        if (order.ResourceId is { } id)
        {
            suggestions.Add(new JsonObject
            {
                ["label"] = "Remove this TACE order",
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "delete",
                    ["description"] = $"Remove the draft TACE order {id}",
                    ["resourceId"] = id,
                }),
            });
        }
        suggestions.Add(TumorBoard(patientId, reason));
        return new JsonObject
        {
            ["summary"] = summary,
            ["indicator"] = indicator,
            ["detail"] = Detail(order, decision, $"The record says further TACE should {(indicator == "critical" ? "not be given" : "be reconsidered")}"),
            ["source"] = CardSources.For(Topic, "TACE should stop", decision.Citation),
            ["suggestions"] = suggestions,
            ["selectionBehavior"] = "at-most-one",
            ["overrideReasons"] = Overrides(),
        };
    }

    /// <summary>A DEB-TACE order while the decision is met: a switch to a consensus-named option, not a repeat (warning).</summary>
    public static JsonObject BuildSwitch(TaceOrder order, StopTaceDecision decision, string patientId)
    {
        var reason = ResultJson.Text(decision.MetCriteria[0]["reason"]) ?? "";
        return new JsonObject
        {
            ["summary"] = "DEB-TACE ordered after the stop-TACE criteria were met: a switch to an option the CCI 2022 consensus names, not a repeat",
            ["indicator"] = "warning",
            ["detail"] = Detail(order, decision,
                "This order is drug-eluting bead TACE (DEB-TACE), which the CCI 2022 consensus names among the treatments to switch to " +
                "after TACE refractoriness (*secondary evidence: the consensus flow chart as read in copies*); it is not a repeat of " +
                "conventional TACE. Confirm that the switch was decided (tumor board) with these findings"),
            ["source"] = CardSources.For(Topic, "TACE should stop", decision.Citation),
            ["suggestions"] = new JsonArray(TumorBoard(patientId, reason)),
            ["selectionBehavior"] = "at-most-one",
            ["overrideReasons"] = Overrides(),
        };
    }

    private static JsonObject TumorBoard(string patientId, string reason) => new()
    {
        ["label"] = "Refer to the multidisciplinary tumor board instead",
        ["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "create",
            ["description"] = "Order a multidisciplinary tumor board review of further treatment",
            ["resource"] = TumorBoardReferral.Json(NewUuid(), patientId, reason),
        }),
    };

    private static JsonArray Overrides() => new(OverrideReasons
        .Select(r => (JsonNode?)new JsonObject { ["code"] = r.Code, ["system"] = OverrideReasonSystem, ["display"] = r.Display }).ToArray());

    private static string Detail(TaceOrder order, StopTaceDecision decision, string lead)
    {
        var md = new StringBuilder();
        md.Append(lead).Append(order.ResourceId is { } id ? $" (draft order {id})" : "").Append(". A new TACE order is the decision made again, ")
          .AppendLine("so a result kept as history counts here.").AppendLine();
        md.AppendLine(decision.Explanation).AppendLine();
        md.Append("Consider systemic therapy or another locoregional treatment, as decided by the tumor board.");
        return md.ToString();
    }

    // A random id for the proposed ServiceRequest (card and suggestion uuids are given per response by CardInstances).
    private static string NewUuid() => Guid.NewGuid().ToString();
}
