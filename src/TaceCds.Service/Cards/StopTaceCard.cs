using System.Text;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Cards;

/// <summary>
/// The <c>critical</c> card of <c>tace-order-check</c> when a finding says TACE should stop: remove the draft order,
/// or refer to the tumor board instead (at most one), with override reasons for continuing anyway.
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

    public static JsonObject Build(TaceOrder order, IReadOnlyList<StopTaceFinding> findings, string patientId)
    {
        var first = findings[0];
        var suggestions = new JsonArray();
        if (order.ResourceId is { } id)
        {
            suggestions.Add(new JsonObject
            {
                ["label"] = "Remove this TACE order",
                ["uuid"] = NewUuid(),
                ["actions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "delete",
                    ["description"] = $"Remove the draft TACE order {id}",
                    ["resourceId"] = id,
                }),
            });
        }
        suggestions.Add(new JsonObject
        {
            ["label"] = "Refer to the multidisciplinary tumor board instead",
            ["uuid"] = NewUuid(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "create",
                ["description"] = "Order a multidisciplinary tumor board review of further treatment",
                ["resource"] = new JsonObject
                {
                    ["resourceType"] = "ServiceRequest",
                    ["id"] = NewUuid(),
                    ["status"] = "draft",
                    ["intent"] = "proposal",
                    ["code"] = new JsonObject { ["text"] = "Multidisciplinary tumor board review: TACE refractoriness" },
                    ["subject"] = new JsonObject { ["reference"] = "Patient/" + patientId },
                    ["reasonCode"] = new JsonArray(new JsonObject { ["text"] = first.Reason }),
                },
            }),
        });
        return new JsonObject
        {
            ["summary"] = $"Stop TACE? {first.Reason}",
            ["indicator"] = "critical",
            ["detail"] = Detail(order, findings),
            ["source"] = CardSources.For(Topic, "TACE should stop", first.Citation),
            ["suggestions"] = suggestions,
            ["selectionBehavior"] = "at-most-one",
            ["overrideReasons"] = new JsonArray(OverrideReasons
                .Select(r => (JsonNode?)new JsonObject { ["code"] = r.Code, ["system"] = OverrideReasonSystem, ["display"] = r.Display }).ToArray()),
        };
    }

    private static string Detail(TaceOrder order, IReadOnlyList<StopTaceFinding> findings)
    {
        var md = new StringBuilder();
        md.AppendLine($"The record says further TACE should not be given{(order.ResourceId is { } id ? $" (draft order {id})" : "")}:").AppendLine();
        foreach (var finding in findings) md.AppendLine($"- {finding.Reason}. Source: {finding.Citation.Text}.");
        md.AppendLine().Append("Consider systemic therapy or another locoregional treatment, as decided by the tumor board.");
        return md.ToString();
    }

    // Random ids are not clinical logic; they let the EHR send feedback about a card or suggestion.
    private static string NewUuid() => Guid.NewGuid().ToString();
}
