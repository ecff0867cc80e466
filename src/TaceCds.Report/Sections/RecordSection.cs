using System.Globalization;
using TaceCds.Report.Html;
using TaceCds.Report.Model;

namespace TaceCds.Report.Sections;

/// <summary>What the record itself says beside the numbers: data issues, cumulative imaging dose, free-text notes.</summary>
public static class RecordSection
{
    public static void WriteDataIssues(HtmlBuilder html, BoardPatient patient)
    {
        var issues = patient.Result["dataIssues"].Objects().ToList();
        html.Open("section", ("class", "data-issues"));
        html.Element("h3", $"Data issues ({issues.Count})");
        if (issues.Count == 0) html.Element("p", "None.", ("class", "empty"));
        else
        {
            // On paper, warnings are counted per code (their rows are on screen); errors are always listed.
            var warnings = issues.Where(i => i["severity"].Str() != "error").GroupBy(i => i["code"].Str() ?? "?").ToList();
            var printSummary = issues.Count > 3 && warnings.Count > 0;
            if (printSummary)
                html.Element("p", "Warnings: " + string.Join("; ", warnings.Select(g => $"{g.Key} ×{g.Count()} (e.g. {g.First()["message"].Str()})")) + ".", ("class", "print-only issues-summary"));
            html.Open("table", ("class", "data issues-table")).Raw("<thead><tr><th>Severity</th><th>Code</th><th>Resource</th><th>Message</th></tr></thead><tbody>");
            foreach (var i in issues)
                html.Open("tr", ("class", "severity-" + (i["severity"].Str() ?? "unknown") + (printSummary && i["severity"].Str() != "error" ? " screen-only" : ""))).Element("td", i["severity"].Str()).Element("td", i["code"].Str())
                    .Element("td", i["resource"].Str()).Element("td", i["message"].Str()).Close("tr");
            html.Raw("</tbody></table>");
        }
        html.Close("section");
    }

    /// <summary>
    /// The sum of the effective doses of the exams (facts.exams[].findings["effective-dose"], mSv; recorded, or derived
    /// by the engine from DLP). Shown only when at least one exam has a dose.
    /// </summary>
    public static void WriteDose(HtmlBuilder html, BoardPatient patient)
    {
        var doses = patient.Result.At("facts", "exams").Objects()
            .Select(e => (Date: e["date"].Str(), Modality: e["modality"].Str(), Dose: e.At("findings", "effective-dose", "value").Num(),
                Unit: e.At("findings", "effective-dose", "unit").Str()))
            .Where(d => d.Dose is not null).ToList();
        if (doses.Count == 0) return;
        var total = doses.Sum(d => d.Dose!.Value);
        html.Open("section", ("class", "dose"), ("data-total-msv", HtmlBuilder.Format(total, "0.##")));
        html.Element("h3", $"Cumulative effective dose: {HtmlBuilder.Format(total, "0.#")} mSv over {doses.Count} exam(s)");
        html.Open("table", ("class", "data dose-table")).Raw("<thead><tr><th>Date</th><th>Modality</th><th>Effective dose</th></tr></thead><tbody>");
        foreach (var d in doses)
            html.Open("tr").Element("td", d.Date).Element("td", d.Modality)
                .Element("td", $"{HtmlBuilder.Format(d.Dose!.Value, "0.##")} {d.Unit ?? "mSv"}", ("class", "num")).Close("tr");
        html.Raw("</tbody></table>");
        html.Close("section");
    }

    public static void WriteNotes(HtmlBuilder html, BoardPatient patient)
    {
        if (patient.Notes.Count == 0) return;
        html.Open("section", ("class", "notes"));
        html.Element("h3", "Notes in the record");
        html.Open("ul");
        foreach (var n in patient.Notes)
            html.Open("li", ("class", "note")).Element("span", n.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ("class", "note-date"))
                .Raw(" ").Element("span", n.Resource, ("class", "note-resource")).Raw(" ").Element("q", n.Text).Close("li");
        html.Close("ul");
        html.Close("section");
    }
}
