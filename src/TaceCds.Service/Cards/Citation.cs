namespace TaceCds.Service.Cards;

/// <summary>
/// The publication a card's rule comes from. The link is a PubMed search for the citation (stable without relying
/// on a PMID or DOI this project has not verified); the full citation is also written into the card detail.
/// </summary>
public sealed record Citation(string Text, string Url)
{
    private static Citation PubMed(string text, string terms) =>
        new(text, "https://pubmed.ncbi.nlm.nih.gov/?term=" + Uri.EscapeDataString(terms));

    // Citations as given in /work/shared/knowledge/clinical-reference.md §1. The stop-TACE criteria carry their own
    // citations in rules/stop-tace.yaml.
    public static Citation Mrecist { get; } = PubMed("Lencioni R, Llovet JM. Modified RECIST (mRECIST) assessment for hepatocellular carcinoma. Semin Liver Dis 2010;30:52-60", "Lencioni Llovet mRECIST hepatocellular carcinoma 2010");
}
