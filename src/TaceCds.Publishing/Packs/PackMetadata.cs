using Hl7.Fhir.Model;
using TaceCds.Rules.Model;

namespace TaceCds.Publishing.Packs;

/// <summary>
/// What the PlanDefinition and the Library of a pack share: name, status, the citation as a relatedArtifact, the evidence
/// level as a <c>topic</c> (project CodeSystem tacecds-evidence-level) and the clinical focus as <c>useContext</c>.
/// </summary>
internal static class PackMetadata
{
    /// <summary>A pack id (<c>cci-2022</c>) as a FHIR computable name (<c>Cci2022</c>, pattern <c>[A-Z]([A-Za-z0-9_]){0,254}</c>).</summary>
    public static string Name(string packId) =>
        string.Concat(packId.Split('-').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    public static RelatedArtifact Citation(Citation citation) => new()
    {
        Type = RelatedArtifact.RelatedArtifactType.Citation,
        Display = citation.Text,
        Citation = citation.Text,
        Url = citation.Link,
    };

    /// <summary>A pack this pack reads (<c>uses:</c>): depends-on the other pack's artifact of the same kind.</summary>
    public static RelatedArtifact DependsOn(string canonical) => new()
    {
        Type = RelatedArtifact.RelatedArtifactType.DependsOn,
        Resource = canonical,
    };

    public static CodeableConcept EvidenceTopic(string evidence) =>
        new(Canonicals.EvidenceLevels, evidence, EvidenceDisplay(evidence), null);

    public static string EvidenceDisplay(string evidence) => evidence switch
    {
        "seed" => "Seed evidence",
        "confirmed" => "Confirmed evidence",
        "secondary" => "Secondary evidence",
        _ => evidence,
    };

    /// <summary>
    /// Every pack is about patients with hepatocellular carcinoma treated by TACE: focus SNOMED CT 109841003 (the HCC code
    /// of ValueSet-hcc-diagnosis) and 441525007 (the TACE code of ValueSet-tace-procedure); both cited in fhir-profiles/codes.md.
    /// </summary>
    public static List<UsageContext> Focus() =>
    [
        Context("109841003", "Liver cell carcinoma"),
        Context("441525007", "Percutaneous transluminal chemoembolisation of artery"),
    ];

    private static UsageContext Context(string code, string display) => new()
    {
        Code = new Coding(Canonicals.UsageContextType, "focus", "Clinical Focus"),
        Value = new CodeableConcept(Canonicals.Snomed, code, display, null),
    };
}
