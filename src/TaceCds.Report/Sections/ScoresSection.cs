using System.Text.Json.Nodes;
using TaceCds.Report.Html;
using TaceCds.Report.Model;

namespace TaceCds.Report.Sections;

/// <summary>Every score of the result in one table, and the scores that could not be computed with what was missing.</summary>
public static class ScoresSection
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["nlr"] = "NLR", ["childPugh"] = "Child-Pugh", ["albi"] = "ALBI", ["malbi"] = "mALBI", ["cnlc"] = "CNLC stage",
        ["bclc"] = "BCLC stage", ["upToSeven"] = "Up-to-seven", ["sixAndTwelve"] = "Six-and-twelve", ["hap"] = "HAP",
        ["mhap2"] = "mHAP-II", ["art"] = "ART", ["abcr"] = "ABCR",
    };

    public static void Write(HtmlBuilder html, BoardPatient patient)
    {
        html.Open("section", ("class", "scores"));
        html.Element("h3", "Scores");
        html.Open("table", ("class", "data scores-table")).Raw("<thead><tr><th>Score</th><th>Result</th><th>Detail</th></tr></thead><tbody>");
        foreach (var (key, score) in patient.Result["scores"].Members())
            html.Open("tr", ("data-score", key)).Element("td", Title(key)).Element("td", Result(key, score)).Element("td", Detail(score)).Close("tr");
        foreach (var (key, missing) in patient.Result["scoresNotComputed"].Members())
            html.Open("tr", ("data-score", key), ("class", "not-computed")).Element("td", Title(key)).Element("td", "not computed")
                .Element("td", "missing: " + string.Join("; ", missing.At("missing").Strings())).Close("tr");
        html.Raw("</tbody></table>");
        html.Close("section");
    }

    public static string Title(string key) => Titles.GetValueOrDefault(key, key);

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
        return parts.Count == 0 ? score.Display() : string.Join(", ", parts);
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
