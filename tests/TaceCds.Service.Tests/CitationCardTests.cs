using System.Text.Json.Nodes;
using TaceCds.Service.Cards;

namespace TaceCds.Service.Tests;

/// <summary>A card links its source's publication (verified PubMed/DOI) or says "no verified link"; never a search.</summary>
public class CitationCardTests
{
    private static JsonObject Card(string? url, string detail)
    {
        var source = new JsonObject { ["label"] = "TaceCds" };
        if (url is not null) source["url"] = url;
        source["topic"] = new JsonObject { ["system"] = "https://example.org/t", ["code"] = "c" };
        return new JsonObject { ["uuid"] = "u1", ["summary"] = "s", ["indicator"] = "info", ["detail"] = detail, ["source"] = source };
    }

    private static IReadOnlyList<CardRuleViolation> Check(JsonObject card) =>
        CdsResponseValidator.Validate(new JsonObject { ["cards"] = new JsonArray(card) }, serviceConventions: true);

    [Fact]
    public void A_card_without_a_citation_link_must_say_no_verified_link()
    {
        Assert.Empty(Check(Card("https://pubmed.ncbi.nlm.nih.gov/25512453/", "Source: Johnson PJ, et al.")));
        Assert.Single(Check(Card(null, "Source: Kudo M, et al.")));
        Assert.Empty(Check(Card(null, "Source: Kudo M, et al. Oncology 2014;87 Suppl 1:22-31 (no verified link).")));
    }

    [Fact]
    public void A_rule_citation_becomes_its_url_its_DOI_link_or_no_link()
    {
        Assert.Equal("https://pubmed.ncbi.nlm.nih.gov/25512453/", Citation.FromJson(new JsonObject { ["text"] = "t", ["url"] = "https://pubmed.ncbi.nlm.nih.gov/25512453/" }).Url);
        Assert.Equal("https://doi.org/10.1016/j.jhep.2021.11.018", Citation.FromJson(new JsonObject { ["text"] = "t", ["doi"] = "10.1016/j.jhep.2021.11.018" }).Url);
        var none = Citation.FromJson(new JsonObject { ["text"] = "Sieghart W, et al." });
        Assert.Null(none.Url);
        Assert.Equal("Sieghart W, et al.", none.Text);
        Assert.False(CardSources.For("t", "T", none).ContainsKey("url"));
    }

    [Fact]
    public void The_mRECIST_citation_of_the_course_summary_links_its_verified_DOI()
    {
        // Lencioni R, Llovet JM. Semin Liver Dis 2010;30:52-60 — DOI verified on the publisher's page (docs/citations.md).
        Assert.Equal("https://doi.org/10.1055/s-0030-1247132", Citation.Mrecist.Url);
    }
}
