using System.Text.Json.Nodes;

namespace TaceCds.Service.Cards;

/// <summary>
/// The publication a card's rule comes from: its text and a link to the publication itself (a PubMed record or a DOI
/// verified against title, authors and year, docs/citations.md), never to a search for it. The full citation is also
/// written into the card detail. Url is null when no link was verified: the detail then says "no verified link".
/// </summary>
public sealed record Citation(string Text, string? Url)
{
    /// <summary>A rule-pack citation as the evaluation result carries it (<c>text</c>, <c>url</c> or <c>doi</c>).</summary>
    public static Citation FromJson(JsonNode? cite)
    {
        var text = cite?["text"]?.GetValue<string>() ?? "";
        if (cite?["url"]?.GetValue<string>() is { } url) return new(text, url);
        return cite?["doi"]?.GetValue<string>() is { } doi ? Doi(text, doi) : new(text, null);
    }

    private static Citation Doi(string text, string doi) => new(text, "https://doi.org/" + doi);

    // Citations as given in /work/shared/knowledge/clinical-reference.md §1. The stop-TACE criteria carry their own
    // citations in rules/stop-tace.yaml.
    public static Citation Mrecist { get; } = Doi("Lencioni R, Llovet JM. Modified RECIST (mRECIST) assessment for hepatocellular carcinoma. Semin Liver Dis 2010;30:52-60", "10.1055/s-0030-1247132");
}
