using System.Globalization;
using System.Text;
using TaceCds.Clinical.Scores;
using System.Text.Json.Nodes;
using TaceCds.Rules.Runtime;

namespace TaceCds.Cli.Rendering;

/// <summary>A plain-text summary of an EvaluationResult, for a person at a terminal. Reads only the result JSON.</summary>
public static partial class TextSummary
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
        Scores(sb, result["scores"]!.AsObject(), result["scoresNotComputed"]!.AsObject(), "  ");

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

    /// <summary>
    /// Each score with its result and the inputs behind it (value, unit, date, FHIR resource), then each score not
    /// computed with why. A group such as <c>beforeFirstTace</c> is written as a heading with its own scores under it.
    /// </summary>
    private static void Scores(StringBuilder sb, JsonObject scores, JsonObject notComputed, string indent)
    {
        foreach (var (name, node) in scores)
        {
            if (node is not JsonObject score) continue;
            if (score["assessedBefore"] is { } before && !score.Any(kv => kv.Key is "value" or "points" or "stage" or "grade"))
            {
                sb.AppendLine($"{indent}{name}: before {before}");
                Scores(sb, Without(score, "assessedBefore"), notComputed[name] as JsonObject ?? [], indent + "  ");
                continue;
            }
            sb.AppendLine($"{indent}{name,-13} {Describe(score)}");
            if (score["inputs"] is JsonObject inputs && inputs.Count > 0)
                sb.AppendLine($"{indent}  {"",-11} inputs: {string.Join("; ", inputs.Select(kv => Input(kv.Key, kv.Value)))}");
        }
        foreach (var (name, gap) in notComputed)
        {
            if (scores.ContainsKey(name) || gap is not JsonObject) continue;
            // A stale value is not a missing one: say which inputs are too old and under which recency rule.
            if (gap["stale"] is JsonArray { Count: > 0 } stale)
                sb.AppendLine($"{indent}{name,-13} not computed — stale: {string.Join("; ", stale.Select(m => m!.ToString()))} ({gap["recency"]})");
            else
                sb.AppendLine($"{indent}{name,-13} not computed — missing: {string.Join(", ", MissingWords(gap))}");
        }
    }

    private static JsonObject Without(JsonObject group, string key) =>
        new(group.Where(kv => kv.Key != key).Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone())));

    /// <summary>One input as a clinician checks it: "bilirubin 13.9 umol/L (2024-02-11, Observation/…)".</summary>
    private static string Input(string name, JsonNode? input)
    {
        var label = InputLabels.Knows(name) ? InputLabels.Describe(name) : Words(name);
        if (input is not JsonObject o) return $"{label} {input}";
        var value = o["overallResponse"] is { } response ? $"overall response {response}"
            : string.Join(" ", new[] { o["value"]?.ToString(), o["unit"]?.ToString() }.Where(v => !string.IsNullOrEmpty(v) && v != "1"));
        var where = string.Join(", ", new[] { o["date"]?.ToString(), (o["resource"] ?? o["exam"])?.ToString() }.Where(v => !string.IsNullOrEmpty(v)));
        return where.Length > 0 ? $"{label} {value} ({where})" : $"{label} {value}";
    }

    /// <summary>An input key the label table does not know, said as words: "astBeforeFirst" → "AST before first".</summary>
    private static string Words(string name) =>
        string.Join(" ", CamelWords().Matches(name).Select(m => m.Value is "ast" or "afp" or "alt" or "ecog" or "bclc" or "inr" ? m.Value.ToUpperInvariant() : m.Value.ToLowerInvariant()))
            .Replace("child pugh", "Child-Pugh", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex("[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex CamelWords();

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
