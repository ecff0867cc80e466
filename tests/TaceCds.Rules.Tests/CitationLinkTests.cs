using System.Text.RegularExpressions;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Model;

namespace TaceCds.Rules.Tests;

/// <summary>
/// Citations link the publication (a verified PubMed record or DOI, docs/citations.md) or nothing — never a search.
/// </summary>
public partial class CitationLinkTests
{
    private static IEnumerable<(string Where, Citation Citation)> RepositoryCitations() =>
        RulesFixture.RepositoryRules.Packs.SelectMany(p =>
            new[] { (p.File, p.Citation) }.Concat(
                (p.Definition?.Criteria ?? []).Where(c => c.Citation is not null).Select(c => ($"{p.File} criterion {c.Id}", c.Citation!))));

    [Fact]
    public void No_rule_pack_citation_links_a_search_engine_and_every_link_is_a_PubMed_record_or_a_DOI()
    {
        var citations = RepositoryCitations().ToList();
        Assert.True(citations.Count >= 15, $"expected every pack and stop-tace criterion citation, found {citations.Count}");
        foreach (var (where, citation) in citations)
        {
            if (citation.Link is not { } link) continue;
            Assert.False(CitationLinks.IsSearch(link), $"{where}: {link} is a search");
            Assert.Matches(PublicationLink(), link);
        }
    }

    [Fact]
    public void Every_rule_pack_citation_with_a_link_is_recorded_in_docs_citations_md_with_that_link()
    {
        var doc = File.ReadAllText(global::TaceCds.Testing.RepoPaths.InRepo("docs", "citations.md"));
        foreach (var (where, citation) in RepositoryCitations())
            if (citation.Link is { } link) Assert.True(doc.Contains(link, StringComparison.Ordinal), $"{where}: {link} is not in docs/citations.md");
    }

    [Fact]
    public void The_verified_links_are_the_ones_recorded_ALBI_on_PubMed_and_BCLC_2022_by_DOI()
    {
        var packs = RulesFixture.RepositoryRules.Packs.ToDictionary(p => p.Id);
        Assert.Equal("https://pubmed.ncbi.nlm.nih.gov/25512453/", packs["liver-function"].Citation.Link);
        Assert.Equal("https://doi.org/10.1016/j.jhep.2021.11.018", packs["staging"].Citation.Link);
        Assert.Null(packs["cci-2022"].Citation.Link);
    }

    [Fact]
    public void Given_p02_on_2024_08_01_the_stop_TACE_card_names_its_citation_with_no_verified_link_and_links_no_search()
    {
        var results = RulesFixture.Evaluate(RulesFixture.RepositoryRules, RulesFixture.SampleFacts("p02", "2024-08-01"));
        // The stop-TACE card (critical) carries the CCI 2022 consensus as its pack citation.
        var cci = results.Cards.Select(c => c!.AsObject()).Single(c => (string?)c["source"]!["topic"]!["code"] == "stop-tace");
        Assert.Contains("Source: Chinese College of Interventionalists. Expert consensus on TACE refractoriness. J Interv Radiol 2022;31(11):1039-1044", (string?)cci["detail"]);
        Assert.EndsWith("(no verified link).", (string?)cci["detail"]);
        Assert.Null(cci["source"]!["url"]);
        Assert.All(cci["links"]?.AsArray() ?? [], l => Assert.False(CitationLinks.IsSearch((string)l!["url"]!)));
    }

    [Theory]
    [InlineData("https://pubmed.ncbi.nlm.nih.gov/?term=Sieghart+ART+retreatment+TACE+Hepatology+2013", true)]
    [InlineData("https://scholar.google.com/scholar?q=TACE+refractoriness", true)]
    [InlineData("https://www.google.com/search?q=ALBI+grade", true)]
    [InlineData("https://pubmed.ncbi.nlm.nih.gov/25512453/", false)]
    [InlineData("https://doi.org/10.1055/s-0030-1247132", false)]
    public void A_search_url_is_told_from_a_publication_link(string url, bool search) =>
        Assert.Equal(search, CitationLinks.IsSearch(url));

    [Fact]
    public void A_pack_citing_a_search_url_is_refused_with_RULE112()
    {
        var yaml = RulesFixture.Header.Replace("url: \"https://example.org/cite\"", "url: \"https://pubmed.ncbi.nlm.nih.gov/?term=ALBI\"", StringComparison.Ordinal)
                   + "cards:\n  - id: c\n    when: \"true\"\n    indicator: info\n    summary: \"Hello\"\n";
        var e = RulesFixture.LoadFails(yaml);
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.BadValue && x.Message.Contains("is a search", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pack_citation_without_url_or_doi_must_say_no_verified_link_else_RULE103()
    {
        var card = "cards:\n  - id: c\n    when: \"true\"\n    indicator: info\n    summary: \"Hello\"\n";
        var bare = RulesFixture.Header.Replace(", url: \"https://example.org/cite\"", "", StringComparison.Ordinal);
        Assert.Contains(RulesFixture.LoadFails(bare + card).Errors, x => x.Code == RuleErrorCodes.MissingKey && x.Message.Contains("no-verified-link", StringComparison.Ordinal));
        var said = RulesFixture.Header.Replace("url: \"https://example.org/cite\"", "no-verified-link: true", StringComparison.Ordinal);
        Assert.Null(RulesFixture.LoadText(said + card).Packs.Single().Citation.Link);
    }

    [GeneratedRegex(@"^https://(pubmed\.ncbi\.nlm\.nih\.gov/\d+/|doi\.org/10\.\d{4,9}/\S+)$")]
    private static partial Regex PublicationLink();
}
