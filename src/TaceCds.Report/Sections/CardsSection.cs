using TaceCds.Report.Html;
using TaceCds.Report.Model;

namespace TaceCds.Report.Sections;

/// <summary>The CDS Hooks cards, most urgent first: summary, detail (Markdown), source and links as citations.</summary>
public static class CardsSection
{
    public static void Write(HtmlBuilder html, BoardPatient patient)
    {
        var cards = patient.Result["cards"].Objects()
            .OrderByDescending(c => c["indicator"].Str() switch { "critical" => 3, "warning" => 2, _ => 1 }).ToList();
        html.Open("section", ("class", "cards"));
        html.Element("h3", "Decision support");
        if (cards.Count == 0) html.Element("p", "No card (no rule fired, or no rule pack was run).", ("class", "empty"));
        foreach (var card in cards)
        {
            var indicator = card["indicator"].Str() ?? "info";
            html.Open("article", ("class", "card card-" + indicator), ("data-indicator", indicator));
            html.Open("h4").Element("span", indicator, ("class", "indicator")).Raw(" ").Text(card["summary"].Str()).Close("h4");
            if (card["detail"].Str() is { Length: > 0 } detail)
            {
                // A card about a definition explains it in its detail; the Definitions section prints the same criteria
                // as rows, so on paper the detail is left out (once is enough on two pages) and the card says where to look.
                var topic = card.At("source", "topic", "code").Str();
                var explainedBelow = topic is not null && patient.Result["definitions"] is System.Text.Json.Nodes.JsonObject d && d.ContainsKey(topic);
                html.Open("div", ("class", explainedBelow ? "card-detail screen-only" : "card-detail")).Raw(CardMarkdown.ToHtml(detail)).Close("div");
                if (explainedBelow)
                    html.Element("p", $"Criteria, values and sources: see Definitions, {DefinitionNames.Title(topic!)}.", ("class", "print-only see-below"));
            }
            html.Open("p", ("class", "citation")).Raw("Source: ");
            Link(html, card.At("source", "label").Str() ?? "unknown source", card.At("source", "url").Str());
            foreach (var link in card["links"].Objects())
            {
                html.Raw(" · ");
                Link(html, link["label"].Str() ?? link["url"].Str() ?? "link", link["url"].Str());
            }
            html.Close("p");
            var suggestions = card["suggestions"].Objects().Select(s => s["label"].Str()).OfType<string>().ToList();
            if (suggestions.Count > 0)
            {
                html.Open("ul", ("class", "suggestions"));
                foreach (var s in suggestions) html.Element("li", "Suggestion: " + s);
                html.Close("ul");
            }
            html.Close("article");
        }
        html.Close("section");
    }

    /// <summary>A citation: the label, and the URL written out so that it survives printing; a link only for http(s).</summary>
    private static void Link(HtmlBuilder html, string label, string? url)
    {
        if (url is not null && CardMarkdown.IsSafeUrl(url))
            html.Element("a", label, ("href", url), ("rel", "noreferrer noopener")).Raw(" ").Element("span", "<" + url + ">", ("class", "url"));
        else html.Text(label);
    }
}
