using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Facts;

public sealed record ExtractionOptions
{
    /// <summary>
    /// Codes that make a medication a systemic therapy for HCC. Default: WHO ATC codes (ATC/DDD Index, whocc.no) of
    /// the agents HCC guidelines name: sorafenib L01EX02, regorafenib L01EX05, cabozantinib L01EX07, lenvatinib
    /// L01EX08, nivolumab L01FF01, pembrolizumab L01FF02, durvalumab L01FF03, atezolizumab L01FF05, tislelizumab
    /// L01FF09, bevacizumab L01FG01, ramucirumab L01FG02, ipilimumab L01FX04, tremelimumab L01FX20.
    /// Intra-arterial chemotherapy used during TACE (doxorubicin, epirubicin…) is deliberately not in the set.
    /// Replace it with a ValueSet file through configuration.
    /// </summary>
    public IReadOnlySet<(string System, string Code)> SystemicTherapyCodes { get; init; } = DefaultSystemicTherapy;

    public static readonly IReadOnlySet<(string System, string Code)> DefaultSystemicTherapy =
        new[] { "L01EX02", "L01EX05", "L01EX07", "L01EX08", "L01FF01", "L01FF02", "L01FF03", "L01FF05", "L01FF09", "L01FG01", "L01FG02", "L01FX04", "L01FX20" }
            .Select(c => (CodeSystems.Atc, c)).ToHashSet();

    public static readonly ExtractionOptions Default = new();
}
