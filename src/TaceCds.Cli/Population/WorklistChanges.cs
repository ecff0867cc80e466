using TaceCds.Report.Model;

namespace TaceCds.Cli.Population;

/// <summary>
/// Why a patient is on the worklist: what changed between the previous run and this one — the stop-TACE decision
/// first, then the other definitions (the refractoriness definitions CCI 2022 and JSH 2014, ART, ABCR), then
/// assessments that became due or are no longer due. An empty list: nothing the board tracks changed.
/// </summary>
public static class WorklistChanges
{
    public static IReadOnlyList<string> Between(ResultSnapshot? before, ResultSnapshot now)
    {
        if (before is null) return ["not in the previous run"];
        var reasons = new List<string>();
        var ids = before.Statuses.Keys.Union(now.Statuses.Keys, StringComparer.Ordinal)
            .OrderBy(id => id == ResultSnapshot.StopTace ? 0 : 1).ThenBy(id => id, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var was = before.Statuses.GetValueOrDefault(id, "absent");
            var is_ = now.Statuses.GetValueOrDefault(id, "absent");
            if (was != is_) reasons.Add($"{DefinitionNames.Title(id)}: {was} → {is_}");
        }
        foreach (var due in now.DueAssessments.Except(before.DueAssessments, StringComparer.Ordinal)) reasons.Add("now due: " + due);
        foreach (var due in before.DueAssessments.Except(now.DueAssessments, StringComparer.Ordinal)) reasons.Add("no longer due: " + due);
        return reasons;
    }
}
