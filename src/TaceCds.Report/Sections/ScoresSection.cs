using System.Text.Json.Nodes;
using TaceCds.Report.Html;
using TaceCds.Report.Model;

namespace TaceCds.Report.Sections;

/// <summary>
/// Every score of the result in one table (result, date · source), the scores at an earlier time point (e.g. before
/// the first TACE) as a group of rows under their own heading, and the scores that could not be computed with what was
/// missing or too old.
/// </summary>
public static class ScoresSection
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["nlr"] = "NLR", ["childPugh"] = "Child-Pugh", ["albi"] = "ALBI", ["malbi"] = "mALBI", ["cnlc"] = "CNLC stage",
        ["bclc"] = "BCLC stage", ["upToSeven"] = "Up-to-seven", ["sixAndTwelve"] = "Six-and-twelve", ["hap"] = "HAP",
        ["mhap2"] = "mHAP-II", ["art"] = "ART", ["abcr"] = "ABCR", ["beforeFirstTace"] = "Before the first TACE",
    };

    public static void Write(HtmlBuilder html, BoardPatient patient)
    {
        html.Open("section", ("class", "scores"));
        html.Element("h3", "Scores");
        html.Open("table", ("class", "data scores-table")).Raw("<thead><tr><th>Score</th><th>Result</th><th>Date · source</th></tr></thead><tbody>");
        var groups = new List<(string Key, JsonObject Scores)>();
        foreach (var (key, score) in patient.Result["scores"].Members())
        {
            if (IsGroup(score)) { groups.Add((key, (JsonObject)score!)); continue; }
            Row(html, key, score);
        }
        foreach (var (key, missing) in patient.Result["scoresNotComputed"].Members())
        {
            var why = missing.At("missing").Strings().ToList();
            var stale = missing.At("stale").Strings().ToList();
            // The values too old to use are also data issues (stale-value): on paper they are counted there, not repeated here.
            html.Open("tr", ("data-score", key), ("class", "not-computed")).Element("td", Title(key)).Element("td", "not computed").Open("td")
                .Text(why.Count > 0 ? "missing: " + string.Join("; ", why) : "");
            if (stale.Count > 0) html.Element("span", (why.Count > 0 ? " · " : "") + "too old: " + string.Join("; ", stale), ("class", "screen-only-inline"));
            html.Close("td").Close("tr");
        }
        foreach (var (key, group) in groups)
        {
            var when = group["assessedBefore"].Str();
            html.Open("tr", ("class", "score-group"), ("data-score-group", key))
                .Element("th", Title(key) + (when is null ? "" : $" ({when})"), ("colspan", "3"), ("scope", "rowgroup")).Close("tr");
            foreach (var (k, s) in group)
                if (s is JsonObject) Row(html, k, s);
        }
        html.Raw("</tbody></table>");
        html.Close("section");
    }

    private static void Row(HtmlBuilder html, string key, JsonNode? score) =>
        html.Open("tr", ("data-score", key)).Element("td", Title(key)).Element("td", Result(key, score)).Element("td", Detail(score)).Close("tr");

    /// <summary>A time point's scores: an object with no headline of its own whose members are scores.</summary>
    private static bool IsGroup(JsonNode? node) =>
        node is JsonObject o && !HasHeadline(o) && o.Any(m => m.Value is JsonObject s && HasHeadline(s));

    private static bool HasHeadline(JsonObject o) =>
        o.ContainsKey("points") || o.ContainsKey("value") || o.ContainsKey("class") || o.ContainsKey("grade") || o.ContainsKey("stage")
        || o.ContainsKey("stratum") || o.ContainsKey("within") || o.ContainsKey("band") || o.ContainsKey("recommendation");

    public static string Title(string key) => Titles.GetValueOrDefault(key, ValueText.Label(key));

    /// <summary>The headline of a score: value, points, class, grade, stage, stratum or band, whichever it has.</summary>
    public static string Result(string key, JsonNode? score)
    {
        var parts = new List<string>();
        if (score.At("points").Str() is { } points) parts.Add(points + " points");
        if (score.At("value").Str() is { } value) parts.Add(value);
        if (score.At("class").Str() is { } cls) parts.Add("class " + cls);
        if (score.At("grade").Str() is { } grade) parts.Add("grade " + grade);
        if (score.At("stage").Str() is { } stage) parts.Add(stage);
        if (score.At("stratum").Str() is { } stratum) parts.Add("stratum " + stratum);
        if (score.At("within").Bool() is { } within) parts.Add(within ? "within" : "beyond");
        if (score.At("band").Str() is { } band) parts.Add(band);
        if (score.At("recommendation").Str() is { } rec) parts.Add(rec);
        return parts.Count == 0 ? ValueText.Of(score) : string.Join(", ", parts);
    }

    private static string Detail(JsonNode? score)
    {
        var parts = new List<string>();
        if (score.At("date").Str() is { } date) parts.Add(date);
        if (score.At("source").Str() is { } source) parts.Add(source);
        if (score.At("assessedBefore").Str() is { } before) parts.Add("before " + before);
        if (score.At("medianOverallSurvivalMonths").Str() is { } os) parts.Add($"median OS {os} months");
        if (score.At("disagreement").Str() is { } d) parts.Add(d);
        return string.Join(" · ", parts);
    }
}
