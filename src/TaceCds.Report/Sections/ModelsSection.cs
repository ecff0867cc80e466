using System.Text.Json.Nodes;
using TaceCds.Report.Html;
using TaceCds.Report.Model;

namespace TaceCds.Report.Sections;

/// <summary>
/// Model outputs as readable rows. A model that is not applicable, or lacks data, says so in one line with the reasons
/// the engine gave (never an empty heading); an applicable one lists its outputs (label: value) and its inputs (label,
/// value with unit, date, source), per lesion for per-lesion models. Published performance and applicability notes are
/// outputs like any other, shown as written.
/// </summary>
public static class ModelsSection
{
    // Members shown in their own form (status line, inputs table), not among the outputs.
    private static readonly HashSet<string> Structural = ["applicable", "applicability", "applicabilityNotes", "inputs", "lesion", "label"];

    public static void Write(HtmlBuilder html, BoardPatient patient)
    {
        var models = patient.Result["models"].Members().ToList();
        html.Open("section", ("class", "models"));
        html.Element("h3", "Models");
        if (models.Count == 0) html.Element("p", "No model output (no rule pack was run).", ("class", "empty"));
        foreach (var (id, output) in models)
        {
            switch (output)
            {
                case JsonArray { Count: 0 }:
                    Heading(html, id, "not-applicable", "not applicable");
                    html.Element("p", "Not applicable: no lesion of the record has the measurements this model needs.", ("class", "model-why"));
                    break;
                case JsonArray rows:
                    Heading(html, id, "applicable", $"{rows.Count} lesion(s)");
                    foreach (var row in rows.OfType<JsonObject>()) Lesion(html, row);
                    break;
                case JsonObject o:
                    var status = Status(o);
                    Heading(html, id, status, DefinitionsSection.StatusText(status));
                    if (status != "applicable") Why(html, o, status);
                    if (status != "not-applicable") Outputs(html, o);
                    break;
                default:
                    Heading(html, id, "applicable", "applicable");
                    html.Element("p", ValueText.Of(output));
                    break;
            }
            html.Close("div");
        }
        html.Close("section");
    }

    /// <summary>applicable: true → applicable; false → not applicable; neither → insufficient data (a condition could not be decided).</summary>
    private static string Status(JsonObject o) => o["applicable"].Bool() switch
    {
        true => "applicable",
        false => "not-applicable",
        null => "insufficient-data",
    };

    private static void Heading(HtmlBuilder html, string id, string status, string badge)
    {
        html.Open("div", ("class", "model"), ("data-model", id), ("data-status", status));
        html.Open("h4").Text(DefinitionNames.Title(id)).Raw(" ").Element("span", badge, ("class", "status status-" + status)).Close("h4");
    }

    /// <summary>Why a model is not applied: the applicability conditions not met, or the data that would decide them.</summary>
    private static void Why(HtmlBuilder html, JsonObject o, string status)
    {
        var conditions = o["applicability"].Members().Select(m => m.Value as JsonObject).OfType<JsonObject>().ToList();
        var notMet = conditions.Where(c => c["status"].Str() == "not-met").Select(c => c["reason"].Str() ?? c["title"].Str()).OfType<string>().ToList();
        var undecided = conditions.Where(c => c["status"].Str() == "insufficient-data").Select(c => c["reason"].Str() ?? c["title"].Str()).OfType<string>().ToList();
        if (notMet.Count == 0 && undecided.Count == 0) undecided = o["applicabilityNotes"].Strings().ToList();
        if (status == "not-applicable" && notMet.Count > 0)
            html.Element("p", "Not applicable: " + string.Join("; ", notMet), ("class", "model-why"));
        else if (undecided.Count > 0)
            html.Element("p", (status == "not-applicable" ? "Not applicable; " : "Insufficient data; ") + "missing: " + string.Join("; ", undecided), ("class", "model-why"));
        else html.Element("p", status == "not-applicable" ? "Not applicable." : "Insufficient data.", ("class", "model-why"));
    }

    private static void Lesion(HtmlBuilder html, JsonObject row)
    {
        html.Open("div", ("class", "lesion"));
        html.Open("p", ("class", "list-title")).Text("Lesion " + (row["label"].Str() ?? "")).Raw(" ");
        InputsTable.Reference(html, row["lesion"].Str());
        html.Close("p");
        if (row["applicable"].Bool() == false) Why(html, row, "not-applicable");
        else Outputs(html, row);
        html.Close("div");
    }

    /// <summary>Outputs as a wrapping grid of label/value pairs, then the inputs table.</summary>
    private static void Outputs(HtmlBuilder html, JsonObject o)
    {
        // A string "applicability" is a published note and is shown; an object is the conditions, read by Why.
        var outputs = o.Where(m => !Structural.Contains(m.Key) || (m.Key == "applicability" && m.Value is JsonValue)).ToList();
        if (outputs.Count > 0)
        {
            html.Open("dl", ("class", "members"));
            foreach (var (name, value) in outputs)
                html.Open("div").Element("dt", ValueText.Label(name)).Element("dd", ValueText.Of(value)).Close("div");
            html.Close("dl");
        }
        InputsTable.Write(html, o["inputs"] as JsonObject, "Inputs");
    }
}
