namespace TaceCds.Rules.Model;

/// <summary>
/// Tells a link to a publication from a link to a search for it. A citation links the publication itself (a PubMed
/// record or a DOI that was verified against title, authors and year, docs/citations.md) or nothing: a search result
/// page changes over time and is not evidence that the cited paper says what the rule encodes.
/// </summary>
public static class CitationLinks
{
    private static readonly string[] SearchHosts = ["scholar.google.", "www.google.", "google.com", "bing.com", "duckduckgo.com", "search.yahoo."];

    public static bool IsSearch(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        var host = uri.Host.ToLowerInvariant();
        if (SearchHosts.Any(host.Contains)) return true;
        var query = uri.Query.ToLowerInvariant();
        // PubMed's own search (pubmed.ncbi.nlm.nih.gov/?term=…) and any "?q=/?term=/?query=" page are searches.
        if (query.Contains("term=") || query.Contains("q=") || query.Contains("query=")) return true;
        return uri.AbsolutePath.Contains("/search", StringComparison.OrdinalIgnoreCase);
    }
}
