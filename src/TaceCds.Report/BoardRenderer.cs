using System.Globalization;
using TaceCds.Report.Charts;
using TaceCds.Report.Html;
using TaceCds.Report.Model;
using TaceCds.Report.Sections;

namespace TaceCds.Report;

/// <summary>
/// Renders the tumor-board packet: one self-contained HTML document (inline CSS and SVG, no script, no external
/// font, image or request; a Content-Security-Policy forbids any) with a first page listing every patient, most
/// urgent first, then one page-broken section per patient. Pure: the same patients give the same bytes.
/// </summary>
public static class BoardRenderer
{
    /// <param name="progress">Called after each patient section with (done, total), for a progress bar.</param>
    public static string Render(IEnumerable<BoardPatient> patients, Action<int, int>? progress = null)
    {
        var ranked = patients.Select((p, i) => (Patient: p, Urgency: Urgency.Of(p.Result), Order: i))
            .OrderByDescending(t => t.Urgency.Level).ThenBy(t => t.Order).ToList();
        var html = new HtmlBuilder(64 * 1024 + ranked.Count * 48 * 1024);
        var asOfDates = ranked.Select(t => t.Patient.Result["asOf"].Str()).OfType<string>().Distinct().ToList();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Open("title").Text($"Tumor board packet — {ranked.Count} patient(s), as of {string.Join(", ", asOfDates)}").Close("title")
            .Raw("<style>").Raw(BoardStyles.Css).Raw(PrintHeaders.Css(ranked.Select(t => t.Patient).ToList())).Raw("</style></head><body><main>");
        Cover(html, ranked, asOfDates);
        for (var i = 0; i < ranked.Count; i++)
        {
            PatientSection(html, ranked[i].Patient, ranked[i].Urgency, "p" + (i + 1).ToString(CultureInfo.InvariantCulture));
            progress?.Invoke(i + 1, ranked.Count);
        }
        html.Raw("</main></body></html>\n");
        return html.ToString();
    }

    private static void Cover(HtmlBuilder html, List<(BoardPatient Patient, Urgency Urgency, int Order)> ranked, List<string> asOfDates)
    {
        html.Open("section", ("class", "page cover"));
        html.Element("h1", "Tumor board packet");
        html.Element("p", $"{ranked.Count} patient(s) · evaluated as of {string.Join(", ", asOfDates)} · most urgent first", ("class", "muted"));
        html.Open("table", ("class", "data patient-list"));
        html.Raw("<thead><tr><th>#</th><th>Patient</th><th>Age/sex</th><th>BCLC</th><th>Child-Pugh</th><th>Urgency</th><th>Most urgent finding</th></tr></thead><tbody>");
        for (var i = 0; i < ranked.Count; i++)
        {
            var (patient, urgency, _) = ranked[i];
            var r = patient.Result;
            var id = "p" + (i + 1).ToString(CultureInfo.InvariantCulture);
            html.Open("tr", ("data-urgency", urgency.LevelName));
            html.Element("td", (i + 1).ToString(CultureInfo.InvariantCulture));
            html.Open("td").Open("a", ("href", "#" + id)).Text(patient.Name ?? "(no name)").Close("a")
                .Raw("<br>").Element("span", patient.PatientReference, ("class", "patient-ref")).Close("td");
            html.Element("td", $"{r.At("facts", "patient", "ageYears").Str() ?? "?"} / {r.At("facts", "patient", "gender").Str() ?? "?"}");
            html.Element("td", r.At("scores", "bclc", "stage").Str() ?? "—");
            html.Element("td", r.At("scores", "childPugh") is { } cp ? $"{cp["class"].Str()}{cp["points"].Str()}" : "—");
            html.Element("td", urgency.LevelName, ("class", "level level-" + urgency.LevelName));
            html.Element("td", urgency.Finding);
            html.Close("tr");
        }
        html.Raw("</tbody></table>");
        html.Element("footer", "Decision support, not a decision: every number links back to the record it came from (resource ids). "
            + "Synthetic or real, patient text in this document is shown as written and never interpreted.", ("class", "disclaimer"));
        html.Close("section");
    }

    private static void PatientSection(HtmlBuilder html, BoardPatient patient, Urgency urgency, string id)
    {
        var course = new CourseView(patient.Result);
        html.Open("section", ("class", "page patient"), ("id", id), ("data-patient", patient.PatientReference), ("data-urgency", urgency.LevelName),
            ("style", $"page: {id}"));
        PatientHeader.Write(html, patient, urgency);
        // Two columns on a wide screen (what happened, then what the rules say); one column on paper and narrow screens.
        html.Open("div", ("class", "patient-body"));
        html.Open("div", ("class", "column course-column"));
        CardsSection.Write(html, patient);
        TimelineChart.Write(html, course, id);
        ResponseChart.Write(html, course, id);
        SmallMultiples.Write(html, patient.Trends, course, id);
        html.Close("div").Open("div", ("class", "column rules-column"));
        DefinitionsSection.Write(html, patient);
        html.Open("div", ("class", "rules-tail"));
        ScoresSection.Write(html, patient);
        ModelsSection.Write(html, patient);
        RecordSection.WriteDose(html, patient);
        RecordSection.WriteDataIssues(html, patient);
        RecordSection.WriteNotes(html, patient);
        html.Close("div").Close("div").Close("div");
        html.Close("section");
    }
}
