using System.Text;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Cards;

/// <summary>
/// The <c>info</c> card of <c>tace-course-review</c>: the current TACE course, the last mRECIST assessment and the key
/// scores, built from the EvaluationResult (until rule packs provide their own cards, and beside them afterwards).
/// </summary>
public static class CourseSummaryCard
{
    public const string Topic = "tace-course-summary";

    public static JsonObject Build(JsonObject result)
    {
        var course = result["course"] as JsonObject;
        var sessions = ResultJson.Number(course?["consecutiveSessions"]) is { } n ? (int)n : 0;
        var last = ResultJson.Text(course?["lastSession"]);
        var assessment = (course?["assessments"] as JsonArray)?.LastOrDefault() as JsonObject;
        var summary = new StringBuilder(sessions == 0 ? "No TACE course on record" : $"TACE course: {sessions} session{(sessions == 1 ? "" : "s")}, last {last}");
        if (assessment is not null && ResultJson.Text(assessment["overallResponse"]) is { } response)
            summary.Append($"; mRECIST {response} on {ResultJson.Text(assessment["date"])}");
        return new JsonObject
        {
            ["summary"] = summary.ToString(),
            ["indicator"] = "info",
            ["detail"] = Detail(result, course, assessment),
            ["source"] = CardSources.For(Topic, "TACE course summary", Citation.Mrecist),
        };
    }

    private static string Detail(JsonObject result, JsonObject? course, JsonObject? assessment)
    {
        var md = new StringBuilder();
        md.AppendLine($"Evaluated as of {ResultJson.Text(result["asOf"])}.").AppendLine();
        if (ResultJson.Text(course?["courseStart"]) is { } start)
            md.AppendLine($"**Course:** {ResultJson.NumberText(course?["consecutiveSessions"])} consecutive session(s), {start} to {ResultJson.Text(course?["lastSession"])}.");
        if (course?["baseline"] is JsonObject baseline)
            md.AppendLine($"**Baseline:** {ResultJson.Text(baseline["date"])}, target sum {ResultJson.NumberText(baseline["targetSumMm"])} mm.");
        if (assessment is not null)
        {
            md.AppendLine($"**Last assessment:** {ResultJson.Text(assessment["date"])} ({ResultJson.Text(assessment["modality"])}), target sum " +
                $"{ResultJson.NumberText(assessment["targetSumMm"])} mm ({ResultJson.NumberText(assessment["changeFromBaselinePct"])} % vs baseline), " +
                $"overall response {ResultJson.Text(assessment["overallResponse"])}.");
        }
        var scores = ScoreLine(result["scores"] as JsonObject);
        if (scores.Length > 0) md.AppendLine().AppendLine("**Scores:** " + scores + ".");
        if (result["definitions"] is JsonObject { Count: > 0 } definitions)
        {
            md.AppendLine().AppendLine("**Definitions:** " + string.Join(", ",
                definitions.Select(d => $"{d.Key} {ResultJson.Text(d.Value?["status"]) ?? "?"}")) + ".");
        }
        if (result["models"] is JsonObject { Count: > 0 } models)
            md.AppendLine().AppendLine("**Models:** " + string.Join(", ", models.Select(m => m.Key)) + " (see the full EvaluationResult).");
        if (result["dataIssues"] is JsonArray { Count: > 0 } issues)
            md.AppendLine().AppendLine($"{issues.Count} data issue(s) were found in the record; see the EvaluationResult.");
        return md.ToString().TrimEnd();
    }

    private static string ScoreLine(JsonObject? scores)
    {
        if (scores is null) return "";
        var before = scores["beforeFirstTace"] as JsonObject;
        var parts = new List<string>();
        // A score with no current value (stale or missing inputs, clinical-reference §5 "Recency") is never shown as if
        // current: the value before the first TACE is shown as such, when there is one.
        AddCurrentOrBefore(parts, scores, before, "childPugh", cp => $"Child-Pugh {ResultJson.Text(cp["class"])}{ResultJson.NumberText(cp["points"])}");
        AddCurrentOrBefore(parts, scores, before, "albi", albi => $"ALBI grade {ResultJson.Text(albi["grade"])} ({ResultJson.NumberText(albi["value"])})");
        AddCurrentOrBefore(parts, scores, before, "bclc", bclc => $"BCLC {ResultJson.Text(bclc["stage"])}");
        if (scores["upToSeven"] is JsonObject u7) parts.Add($"up-to-7 {ResultJson.NumberText(u7["value"])}");
        if (scores["art"] is JsonObject art) parts.Add($"ART {ResultJson.NumberText(art["points"])}");
        if (scores["abcr"] is JsonObject abcr) parts.Add($"ABCR {ResultJson.NumberText(abcr["points"])}");
        return string.Join(" · ", parts);
    }

    private static void AddCurrentOrBefore(List<string> parts, JsonObject scores, JsonObject? before, string score, Func<JsonObject, string> text)
    {
        if (scores[score] is JsonObject now) parts.Add(text(now));
        else if (before?[score] is JsonObject then) parts.Add($"{text(then)} before the 1st TACE (no current value)");
    }
}
