using System.Text.Json.Nodes;
using TaceCds.Service.Cards;
using TaceCds.Service.Hosting;
using TaceCds.Service.Trust;

namespace TaceCds.Service.Board;

/// <summary>
/// The links a patient-view response carries to the patient's tumor-board page: an <c>absolute</c> link with a fresh
/// link token (<see cref="BoardLinkTokens"/>), and a <c>smart</c> link with the patient id as <c>appContext</c> when a
/// SMART launch URL is configured. They go on the course-summary card, else the first card; a response without cards
/// gets none (CDS Hooks links only exist on cards, and no card means no guidance to drill into).
/// </summary>
public sealed class BoardCardLinks(BoardLinkTokens tokens, BoardLinkSettings settings, ServiceSettings service, ExpectedAudience audience)
{
    public const string BoardLabel = "Open the patient's tumor-board page";
    public const string SmartLabel = "Open the tumor-board app (SMART launch)";

    public void Attach(IReadOnlyList<JsonNode?> cards, string patientId)
    {
        var target = cards.OfType<JsonObject>().FirstOrDefault(IsCourseSummary) ?? cards.OfType<JsonObject>().FirstOrDefault();
        if (target is null) return;
        var links = For(patientId);
        if (links.Count == 0) return;
        if (target["links"] is not JsonArray existing) target["links"] = existing = [];
        foreach (var link in links) existing.Add(link);
    }

    /// <summary>The links for one patient (empty when links are off and no SMART launch URL is set).</summary>
    public List<JsonObject> For(string patientId)
    {
        var links = new List<JsonObject>();
        if (tokens.Enabled && BaseUrl() is { } baseUrl)
        {
            links.Add(new JsonObject
            {
                ["label"] = BoardLabel,
                ["url"] = $"{baseUrl}/board/{Uri.EscapeDataString(patientId)}?t={tokens.Issue(patientId)}",
                ["type"] = "absolute",
            });
        }
        if (settings.SmartLaunchUrl is { } launch)
        {
            links.Add(new JsonObject
            {
                ["label"] = SmartLabel,
                ["url"] = launch.AbsoluteUri,
                ["type"] = "smart",
                ["appContext"] = new JsonObject { ["patientId"] = patientId }.ToJsonString(),
            });
        }
        return links;
    }

    // The URL clients know the service by (TaceCds:PublicBaseUrl), else its loopback listening URL — never the request's Host.
    private string? BaseUrl() =>
        service.PublicBaseUrl is { } url ? url.GetLeftPart(UriPartial.Path).TrimEnd('/') : audience.Bases().FirstOrDefault();

    private static bool IsCourseSummary(JsonObject card) =>
        card["source"]?["topic"]?["code"] is JsonValue code && code.TryGetValue<string>(out var c) && c == CourseSummaryCard.Topic;
}
