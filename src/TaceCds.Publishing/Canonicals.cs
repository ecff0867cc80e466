namespace TaceCds.Publishing;

/// <summary>
/// The canonical URLs this project publishes under (base <c>https://tacecds.org/fhir</c>, as fhir-profiles/README.md) and
/// the code systems its published resources use.
/// </summary>
public static class Canonicals
{
    public const string Base = "https://tacecds.org/fhir";
    /// <summary>Project input codes (fhir-profiles/CodeSystem-tacecds.json); CDS card topics use the pack id in it too.</summary>
    public const string ProjectCodes = Base + "/CodeSystem/tacecds";
    /// <summary>Codes of what the engine computes (fhir-profiles/CodeSystem-tacecds-results.json).</summary>
    public const string ResultCodes = Base + "/CodeSystem/tacecds-results";
    /// <summary>Evidence levels seed / confirmed / secondary (fhir-profiles/CodeSystem-tacecds-evidence-level.json).</summary>
    public const string EvidenceLevels = Base + "/CodeSystem/tacecds-evidence-level";
    public const string CnlcStage = Base + "/CodeSystem/cnlc-stage";
    public const string BclcStage = Base + "/CodeSystem/bclc-stage";

    public const string Ucum = "http://unitsofmeasure.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string PlanDefinitionType = "http://terminology.hl7.org/CodeSystem/plan-definition-type";
    public const string LibraryType = "http://terminology.hl7.org/CodeSystem/library-type";
    public const string UsageContextType = "http://terminology.hl7.org/CodeSystem/usage-context-type";
    public const string ActionType = "http://terminology.hl7.org/CodeSystem/action-type";
    public const string FhirPath = "text/fhirpath";
    public const string Yaml = "application/x-yaml";

    public static string PlanDefinition(string packId) => $"{Base}/PlanDefinition/{packId}";
    public static string Library(string packId) => $"{Base}/Library/{packId}";
}
