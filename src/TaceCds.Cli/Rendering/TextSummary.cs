using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Rules.Runtime;

namespace TaceCds.Cli.Rendering;

/// <summary>A plain-text summary of an EvaluationResult, for a person at a terminal. Reads only the result JSON.</summary>
public static class TextSummary
{
    public static string Render(JsonObject result)
    {
        var sb = new StringBuilder();
        var patient = result["facts"]?["patient"];
        var who = string.Join(", ", new[] { patient?["gender"]?.ToString(), patient?["ageYears"] is { } age ? $"{age} years" : null }.OfType<string>());
        sb.AppendLine($"{result["patient"]} — evaluated as of {result["asOf"]}{(who.Length > 0 ? $" ({who})" : "")}");

        var course = result["course"]!.AsObject();
        var sessions = course["taceSessions"]!.AsArray();
        var current = (int)course["consecutiveSessions"]!;
        sb.AppendLine();
        sb.AppendLine($"TACE course: {current} consecutive session(s) in the current course; {sessions.Count} in all");
        foreach (var s in sessions)
        {
            var std = s!["standardized"] is { } v ? ((bool)v ? "standardized" : "NOT standardized") : "standardization not documented";
            sb.AppendLine($"  course {s["course"]}  {s["date"]}  {std}  [{s["resource"]}]");
        }
        if (course["endedBy"] is { } ended) sb.AppendLine($"  course ended by {ended["kind"]} on {ended["date"]}");
        if (course["startedAfter"] is { } after) sb.AppendLine($"  course started after {after["kind"]} on {after["date"]}");
        if (course["baseline"] is { } b)
            sb.AppendLine($"Baseline: {b["modality"]} {b["date"]}, target sum {Mm(b["targetSumMm"])} ({b["targets"]!.AsArray().Count} target lesion(s))");
        else if (course["baselineMissing"] is { } why)
            sb.AppendLine($"Baseline: none — {why}");
        var assessments = course["assessments"]!.AsArray();
        if (assessments.Count > 0)
        {
            sb.AppendLine("Assessments (mRECIST):");
            foreach (var a in assessments)
            {
                var days = a!["daysAfterLastTace"] is { } d ? $"{d} d after TACE {a["sessionsBefore"]}" : "before any TACE";
                sb.AppendLine($"  {a["date"]} {a["modality"],-7} {days,-22} sum {Mm(a["targetSumMm"]),9}  " +
                              $"vs baseline {Pct(a["changeFromBaselinePct"]),7}  vs nadir {Pct(a["changeFromNadirPct"]),7}  " +
                              $"target {a["targetResponse"]}  overall {a["overallResponse"]}" +
                              // The CCI ledger (baseline targets + new lesions after TACE 1-2 from 0 mm) against the baseline: a second ledger, never the mRECIST one.
                              (a["cci"] is JsonObject cci ? $"  CCI ledger {Mm(cci["targetSumMm"])} = {cci["percentOfBaseline"]} % of baseline ({a["responseVsBaseline"]})" : "") +
                              ((bool)a["newIntrahepaticLesion"]! ? "  NEW intrahepatic lesion" : ""));
            }
        }
        foreach (var assumption in course["assumptions"]?.AsArray() ?? []) sb.AppendLine($"  assumption: {assumption}");

        sb.AppendLine();
        sb.AppendLine("Scores:");
        foreach (var (name, score) in result["scores"]!.AsObject())
            sb.AppendLine($"  {name,-13} {Describe(score!.AsObject())}");
        foreach (var (name, gap) in result["scoresNotComputed"]!.AsObject())
        {
            // A stale value is not a missing one: say which inputs are too old and under which recency rule.
            if (gap?["stale"] is JsonArray { Count: > 0 } stale)
                sb.AppendLine($"  {name,-13} not computed — stale: {string.Join("; ", stale.Select(m => m!.ToString()))} ({gap["recency"]})");
            else
                sb.AppendLine($"  {name,-13} not computed — missing: {string.Join(", ", MissingWords(gap))}");
        }

        Section(sb, "Definitions", result["definitions"]!.AsObject().Select(kv => $"{kv.Key}: {DefinitionExplanation.StatusWords(kv.Value?["status"]?.ToString() ?? "")}" +
            (kv.Value?["values"]?["relevance"] is { } relevance ? $" ({relevance})" : "")));
        // Why, for every definition: each criterion with its status and the values, dates and FHIR resources behind it,
        // what is missing in clinical words, and the assumptions — the same sections (and sentences) as the cards.
        foreach (var (id, definition) in result["definitions"]!.AsObject())
            if (definition is JsonObject d)
                sb.AppendLine().AppendLine($"{(DefinitionExplanation.IsDecision(d) ? "Decision" : "Definition")} {id}: {d["title"]}")
                  .Append(DefinitionExplanation.PlainText(d, "  "));
        Section(sb, "Cards", result["cards"]!.AsArray().Select(c => $"[{c!["indicator"]}] {c["summary"]}"));
        var issues = result["dataIssues"]!.AsArray();
        Section(sb, $"Data issues ({issues.Count})", issues.Select(i => $"{i!["severity"]}: {i["code"]} {i["resource"]} — {i["message"]}"));
        return sb.ToString();
    }

    /// <summary>A score's missing inputs in clinical words (older results without "missingWords": the names).</summary>
    private static IEnumerable<string> MissingWords(JsonNode? gap) =>
        ((gap?["missingWords"] ?? gap?["missing"]) as JsonArray ?? []).Select(m => m!.ToString());

    private static void Section(StringBuilder sb, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0) return;
        sb.AppendLine();
        sb.AppendLine(title + ":");
        foreach (var line in list) sb.AppendLine("  " + line);
    }

    private static string Describe(JsonObject score)
    {
        var parts = new List<string>();
        foreach (var key in new[] { "value", "points", "class", "grade", "stage", "stratum", "within", "recommendation", "band", "source", "assessedBefore" })
            if (score[key] is { } v) parts.Add($"{key} {v}");
        if (score["disagreement"] is { } d) parts.Add($"({d})");
        return string.Join(", ", parts);
    }

    private static string Mm(JsonNode? n) => n is null ? "—" : ((decimal)n).ToString("0.0", CultureInfo.InvariantCulture) + " mm";

    private static string Pct(JsonNode? n) => n is null ? "—" : ((decimal)n).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";
}
