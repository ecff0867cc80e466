using System.Text.Json.Nodes;
using TaceCds.Report.Html;
using TaceCds.Report.Model;

namespace TaceCds.Report.Sections;

/// <summary>
/// The data a definition or a model used, one readable row each: label, value with unit, date, and the FHIR resource
/// it came from (the reference, so that a reader can find it in the record).
/// </summary>
public static class InputsTable
{
    public static void Write(HtmlBuilder html, JsonObject? inputs, string caption = "Data used")
    {
        if (inputs is null || inputs.Count == 0) return;
        html.Open("table", ("class", "data inputs-table"));
        html.Element("caption", caption);
        html.Raw("<thead><tr><th>Input</th><th>Value</th><th>Date</th><th>Source</th></tr></thead><tbody>");
        foreach (var (key, value) in inputs)
        {
            var (text, date, source) = Parts(value);
            html.Open("tr").Element("td", ValueText.Label(key)).Element("td", text, ("class", "value"))
                .Element("td", date, ("class", "date")).Open("td", ("class", "source"));
            Reference(html, source);
            html.Close("td").Close("tr");
        }
        html.Raw("</tbody></table>");
    }

    /// <summary>A FHIR reference shown as such (monospace, breakable), or nothing.</summary>
    public static void Reference(HtmlBuilder html, string? reference)
    {
        if (reference is null) return;
        html.Element("cite", reference, ("class", "fhir-ref"), ("data-reference", reference));
    }

    /// <summary>An input is a scalar, a quantity with date and resource, or an assessment (response, date, exam).</summary>
    private static (string Value, string? Date, string? Source) Parts(JsonNode? value)
    {
        if (value is not JsonObject o) return (ValueText.Of(value), null, null);
        var date = o["date"].Str();
        var source = o["resource"].Str() ?? o["exam"].Str();
        if (ValueText.Quantity(o) is { } q)
        {
            var extra = o.Where(m => m.Key is not ("value" or "unit" or "date" or "resource" or "exam")).ToList();
            return (extra.Count == 0 ? q : q + " (" + string.Join("; ", extra.Select(m => $"{ValueText.Label(m.Key)} {ValueText.Of(m.Value)}")) + ")", date, source);
        }
        var rest = new JsonObject();
        foreach (var (k, v) in o)
            if (k is not ("date" or "resource" or "exam")) rest[k] = v?.DeepClone();
        return (ValueText.Of(rest), date, source);
    }
}
