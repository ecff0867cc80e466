using TaceCds.Report.Html;
using TaceCds.Report.Model;

namespace TaceCds.Report.Sections;

/// <summary>Each definition (CCI 2022, JSH 2014, …) with its status, reasons, missing data and assumptions.</summary>
public static class DefinitionsSection
{
    public static void Write(HtmlBuilder html, BoardPatient patient)
    {
        var definitions = patient.Result["definitions"].Members().ToList();
        html.Open("section", ("class", "definitions"));
        html.Element("h3", "Definitions");
        if (definitions.Count == 0) html.Element("p", "Not evaluated (no rule pack was run).", ("class", "empty"));
        foreach (var (id, definition) in definitions)
        {
            var status = definition.At("status").Str() ?? "unknown";
            html.Open("div", ("class", "definition"), ("data-definition", id), ("data-status", status));
            html.Open("h4").Text(DefinitionNames.Title(id)).Raw(" ").Element("span", status, ("class", "status status-" + status)).Close("h4");
            List(html, "Reasons", definition.At("reasons").Strings());
            List(html, "Missing data", definition.At("missing").Strings());
            List(html, "Assumptions", definition.At("assumptions").Strings());
            var criteria = definition.At("criteria").Members().ToList();
            if (criteria.Count > 0)
            {
                html.Open("table", ("class", "data criteria")).Raw("<thead><tr><th>Criterion</th><th>Value</th></tr></thead><tbody>");
                foreach (var (name, value) in criteria) html.Open("tr").Element("td", name).Element("td", value.Display()).Close("tr");
                html.Raw("</tbody></table>");
            }
            html.Close("div");
        }
        html.Close("section");
    }

    internal static void List(HtmlBuilder html, string title, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        html.Open("p", ("class", "list-title")).Text(title).Close("p").Open("ul");
        foreach (var item in list) html.Element("li", item);
        html.Close("ul");
    }
}
