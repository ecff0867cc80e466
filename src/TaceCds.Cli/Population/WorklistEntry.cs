using System.Text.Json.Nodes;
using TaceCds.Report.Model;

namespace TaceCds.Cli.Population;

/// <summary>One patient on the worklist: how urgent the new result is, why it is listed, and the new result itself.</summary>
public sealed record WorklistEntry(string PatientId, Urgency Urgency, IReadOnlyList<string> Reasons, JsonObject? Result)
{
    /// <summary>Most urgent first (the board's own ranking, <see cref="Urgency.Of"/>); then a changed stop-TACE decision; then by id.</summary>
    public static IReadOnlyList<WorklistEntry> Ranked(IEnumerable<WorklistEntry> entries) =>
        [.. entries.OrderByDescending(e => e.Urgency.Level)
            .ThenBy(e => e.Reasons.Any(r => r.StartsWith(DefinitionNames.Title(ResultSnapshot.StopTace), StringComparison.Ordinal)) ? 0 : 1)
            .ThenBy(e => e.PatientId, StringComparer.Ordinal)];

    public JsonObject ToJson() => new()
    {
        ["patient"] = $"Patient/{PatientId}",
        ["urgency"] = Urgency.LevelName,
        ["finding"] = Urgency.Finding,
        ["reasons"] = new JsonArray([.. Reasons.Select(r => (JsonNode?)r)]),
    };
}
