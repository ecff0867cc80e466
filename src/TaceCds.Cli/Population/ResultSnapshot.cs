using System.Text.Json.Nodes;
using TaceCds.Report.Model;

namespace TaceCds.Cli.Population;

/// <summary>
/// What the worklist compares of one EvaluationResult, kept small so the previous run of a whole population fits in
/// memory: each definition's status (the stop-TACE decision with its relevance, current or history), and the
/// "assessment due" cards. Everything here is read from the result — the rule packs decided it.
/// </summary>
public sealed record ResultSnapshot(string Patient, string? AsOf, IReadOnlyDictionary<string, string> Statuses, IReadOnlyList<string> DueAssessments)
{
    /// <summary>The decision whose change matters most (rules/stop-tace.yaml).</summary>
    public const string StopTace = "stop-tace";

    /// <summary>
    /// The contract gives cards no rule-card id, so the "assessment due" card (rules/cci-2022.yaml, card
    /// <c>assessment-due</c>: "CCI 2022 assessment due: contrast CT/MR between …") is known by these words in its summary.
    /// </summary>
    private const string DueWords = "assessment due";

    public static ResultSnapshot Of(JsonObject result)
    {
        var statuses = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, definition) in result["definitions"].Members())
        {
            var status = definition.At("status").Str() ?? "unknown";
            // A met decision kept as history (treatment changed since) is another state than a current one.
            if (definition.At("values", "relevance").Str() is { } relevance) status += $" ({relevance})";
            statuses[id] = status;
        }
        var due = result["cards"].Objects().Select(c => c["summary"].Str())
            .OfType<string>().Where(s => s.Contains(DueWords, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        return new ResultSnapshot(result["patient"].Str() ?? "(no patient)", result["asOf"].Str(), statuses, due);
    }
}
