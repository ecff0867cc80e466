using TaceCds.Report.Html;
using TaceCds.Report.Model;

namespace TaceCds.Report.Sections;

/// <summary>Who the patient is and where they stand now: age, sex, diagnosis, stage, liver function, course.</summary>
public static class PatientHeader
{
    public static void Write(HtmlBuilder html, BoardPatient patient, Urgency urgency)
    {
        var r = patient.Result;
        html.Open("header", ("class", "patient-header"));
        html.Open("h2").Open("span", ("class", "patient-name")).Text(patient.Name ?? "(no name)").Close("span")
            .Raw(" ").Open("span", ("class", "patient-ref")).Text(patient.PatientReference).Close("span").Close("h2");
        html.Open("p", ("class", "urgency urgency-" + urgency.LevelName)).Text(urgency.Finding).Close("p");

        html.Open("dl", ("class", "facts-grid"));
        var person = r.At("facts", "patient");
        Item(html, "Age / sex", $"{person.At("ageYears").Str() ?? "?"} y / {person.At("gender").Str() ?? "?"}");
        var dx = r.At("facts", "diagnoses").Objects().FirstOrDefault();
        Item(html, "Diagnosis", dx is null ? "no HCC diagnosis recorded"
            : $"{dx["display"].Str() ?? "HCC"} ({dx["code"].Str()})" + (dx["onset"].Str() is { } on ? $", {on}" : ""));
        var scores = r["scores"];
        Item(html, "CNLC / BCLC", $"{scores.At("cnlc", "stage").Str() ?? "—"} / {scores.At("bclc", "stage").Str() ?? "—"}");
        var cp = scores.At("childPugh");
        Item(html, "Child-Pugh now", cp is null ? "not computable"
            : $"{cp["class"].Str()}{cp["points"].Str()}" + (cp["date"].Str() is { } d ? $" ({d})" : "") + (cp["source"].Str() == "reported" ? ", reported" : ""));
        var albi = scores.At("albi");
        Item(html, "ALBI now", albi is null ? "not computable" : $"{albi["value"].Str()} (grade {albi["grade"].Str()})");
        var course = r["course"];
        Item(html, "Current TACE course", $"{course.At("consecutiveSessions").Str() ?? "0"} session(s)"
            + (course.At("courseStart").Str() is { } start ? $", {start}" : "") + (course.At("lastSession").Str() is { } lastS && lastS != course.At("courseStart").Str() ? $" → {lastS}" : ""));
        var last = course.At("assessments").Objects().LastOrDefault();
        Item(html, "Latest response", last is null ? "no assessment"
            : $"{last["overallResponse"].Str()} on {last["date"].Str()} ({last["modality"].Str()})");
        Item(html, "As of", r["asOf"].Str() ?? "?");
        html.Close("dl");
        html.Close("header");
    }

    private static void Item(HtmlBuilder html, string term, string value) =>
        html.Open("div").Element("dt", term).Element("dd", value).Close("div");
}
