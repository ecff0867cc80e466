using System.Text.Json.Nodes;
using TaceCds.Report.Html;
using TaceCds.Report.Model;

namespace TaceCds.Report.Sections;

/// <summary>
/// Model outputs as the rules engine wrote them: a list (per lesion) becomes a table with one column per member, an
/// object a list of members. Published performance and applicability are members like any other, shown as written.
/// </summary>
public static class ModelsSection
{
    public static void Write(HtmlBuilder html, BoardPatient patient)
    {
        var models = patient.Result["models"].Members().ToList();
        html.Open("section", ("class", "models"));
        html.Element("h3", "Models");
        if (models.Count == 0) html.Element("p", "No model output (no applicable model, or no rule pack was run).", ("class", "empty"));
        foreach (var (id, output) in models)
        {
            html.Open("div", ("class", "model"), ("data-model", id));
            html.Element("h4", DefinitionNames.Title(id));
            switch (output)
            {
                case JsonArray rows: Rows(html, rows.OfType<JsonObject>().ToList()); break;
                case JsonObject o: Members(html, o); break;
                default: html.Element("p", output.Display()); break;
            }
            html.Close("div");
        }
        html.Close("section");
    }

    private static void Rows(HtmlBuilder html, List<JsonObject> rows)
    {
        var columns = rows.SelectMany(r => r.Select(m => m.Key)).Distinct().ToList();
        html.Open("table", ("class", "data model-table")).Raw("<thead><tr>");
        foreach (var c in columns) html.Element("th", c);
        html.Raw("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Open("tr");
            foreach (var c in columns) html.Element("td", row[c].Display());
            html.Close("tr");
        }
        html.Raw("</tbody></table>");
    }

    private static void Members(HtmlBuilder html, JsonObject o)
    {
        html.Open("dl", ("class", "members"));
        foreach (var (name, value) in o)
        {
            html.Element("dt", name);
            if (value is JsonObject nested)
            {
                html.Open("dd");
                Members(html, nested);
                html.Close("dd");
            }
            else html.Element("dd", value.Display());
        }
        html.Close("dl");
    }
}
