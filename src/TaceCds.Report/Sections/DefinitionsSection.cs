using System.Text.Json.Nodes;
using TaceCds.Report.Html;
using TaceCds.Report.Model;
using TaceCds.Rules.Runtime;

namespace TaceCds.Report.Sections;

/// <summary>
/// Each definition (CCI 2022, JSH 2014, …): its status, the decision line and the FHIR resources behind it (worded by
/// <see cref="DefinitionExplanation"/>, as on the cards), reasons, missing data and assumptions, then one row per
/// criterion (criterion, status, finding with its values and dates) and one per input (label, value, date, source).
/// </summary>
public static class DefinitionsSection
{
    public static void Write(HtmlBuilder html, BoardPatient patient)
    {
        var definitions = patient.Result["definitions"].Members().ToList();
        html.Open("section", ("class", "definitions"));
        html.Element("h3", "Definitions");
        if (definitions.Count == 0) html.Element("p", "Not evaluated (no rule pack was run).", ("class", "empty"));
        // Definitions built on others (stop-tace on CCI, JSH, ART, ABCR) repeat their assumptions: each is listed once.
        var assumptionsShown = new HashSet<string>(StringComparer.Ordinal);
        var missingShown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, node) in definitions)
        {
            if (node is not JsonObject definition) continue;
            var status = definition["status"].Str() ?? "unknown";
            var explanation = DefinitionExplanation.Sections(definition).ToDictionary(s => s.Heading, s => s.Items);
            html.Open("div", ("class", "definition"), ("data-definition", id), ("data-status", status));
            html.Open("h4").Text(DefinitionNames.Title(id)).Raw(" ").Element("span", StatusText(status), ("class", "status status-" + status)).Close("h4");
            if (definition["title"].Str() is { } title) html.Element("p", title, ("class", "rule-title"));
            // The decision line adds urgency and relevance in time ("met (critical); current"); alone it repeats the badge.
            if (explanation.GetValueOrDefault("Decision") is [var decision] && decision != StatusText(status))
                html.Element("p", "Decision: " + decision, ("class", "decision"));
            var criteria = definition["criteria"].Members().Where(c => c.Value is JsonObject).Select(c => (Id: c.Key, C: (JsonObject)c.Value!)).ToList();
            var criterionReasons = criteria.Select(c => c.C["reason"].Str()).OfType<string>().ToHashSet(StringComparer.Ordinal);
            List(html, "Reasons", definition["reasons"].Strings().Where(r => !criterionReasons.Contains(r)));
            // Missing data already said by a criterion's finding, or by a definition above, is not repeated.
            List(html, "Missing data", definition["missing"].Strings().Where(m => !criterionReasons.Contains(m) && missingShown.Add(m)).ToList());
            var assumptions = definition["assumptions"].Strings().ToList();
            var fresh = assumptions.Where(a => !assumptionsShown.Contains(a)).ToList();
            List(html, "Assumptions", fresh);
            if (assumptions.Count > fresh.Count) html.Element("p", fresh.Count == 0 ? "Assumptions: as listed above." : "Other assumptions: as listed above.", ("class", "list-title assumptions-above"));
            assumptionsShown.UnionWith(assumptions);
            // A definition built on the others (stop-tace: one criterion per definition above) repeats their findings: on
            // paper its decision line stands for the rows.
            var derived = criteria.Count > 0 && criteria.All(c => definitions.Any(d => d.Key == c.Id));
            Criteria(html, criteria, derived);
            InputsTable.Write(html, definition.At("evidence", "inputs") as JsonObject);
            if (explanation.GetValueOrDefault("FHIR resources used") is [var resources])
                html.Open("p", ("class", "sources screen-only")).Element("span", "FHIR resources: ", ("class", "list-title")).Element("cite", resources, ("class", "fhir-ref")).Close("p");
            Citation(html, definition.At("rule", "citation"));
            html.Close("div");
        }
        html.Close("section");
    }

    /// <summary>"met", "not met", "insufficient data": the status as words.</summary>
    public static string StatusText(string status) => status.Replace('-', ' ');

    private static void Criteria(HtmlBuilder html, List<(string Id, JsonObject C)> criteria, bool derived)
    {
        if (criteria.Count == 0) return;
        html.Open("table", ("class", derived ? "data criteria screen-only" : "data criteria")).Raw("<thead><tr><th>Criterion</th><th>Status</th><th>Finding</th></tr></thead><tbody>");
        foreach (var (id, criterion) in criteria)
        {
            var status = criterion["status"].Str() ?? "unknown";
            var finding = criterion["reason"].Str() ?? (status == "insufficient-data" ? "data missing" : "");
            html.Open("tr", ("data-criterion", id), ("data-status", status))
                .Element("td", criterion["title"].Str() ?? ValueText.Label(id))
                .Open("td").Element("span", StatusText(status), ("class", "status status-" + status)).Close("td")
                .Element("td", finding).Close("tr");
        }
        html.Raw("</tbody></table>");
    }

    /// <summary>The published source of a rule: its citation text, with the link written out so that it survives printing.</summary>
    internal static void Citation(HtmlBuilder html, JsonNode? citation)
    {
        if (citation.At("text").Str() is not { } text) return;
        html.Open("p", ("class", "citation")).Raw("Source: ").Text(text);
        if (citation.At("url").Str() is { } url && CardMarkdown.IsSafeUrl(url))
            html.Raw(" ").Element("a", url, ("href", url), ("class", "url"), ("rel", "noreferrer noopener"));
        html.Close("p");
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
