namespace TaceCds.Service.Cards;

/// <summary>
/// The publication a card's rule comes from. The link is a PubMed search for the citation (stable without relying
/// on a PMID or DOI this project has not verified); the full citation is also written into the card detail.
/// </summary>
public sealed record Citation(string Text, string Url)
{
    private static Citation PubMed(string text, string terms) =>
        new(text, "https://pubmed.ncbi.nlm.nih.gov/?term=" + Uri.EscapeDataString(terms));

    // Citations as given in /work/shared/knowledge/clinical-reference.md §1-§3.
    public static Citation Mrecist { get; } = PubMed("Lencioni R, Llovet JM. Modified RECIST (mRECIST) assessment for hepatocellular carcinoma. Semin Liver Dis 2010;30:52-60", "Lencioni Llovet mRECIST hepatocellular carcinoma 2010");
    public static Citation Cci2022 { get; } = PubMed("Chinese College of Interventionalists expert consensus on TACE refractoriness. J Interv Radiol 2022;31(11):1039-1044", "TACE refractoriness expert consensus Chinese College of Interventionalists 2022");
    public static Citation Jsh2014 { get; } = PubMed("Kudo M, et al. JSH-LCSGJ criteria of TACE failure/refractoriness. Oncology 2014;87 Suppl 1:22-31", "Kudo TACE failure refractoriness Oncology 2014");
    public static Citation Art { get; } = PubMed("Sieghart W, et al. The ART of decision making: retreatment with TACE. Hepatology 2013;57:2261-2273", "Sieghart ART score retreatment TACE Hepatology 2013");
    public static Citation Abcr { get; } = PubMed("Adhoute X, et al. Retreatment with TACE: the ABCR score. J Hepatol 2015;62:855-862", "Adhoute ABCR score TACE J Hepatol 2015");
}
