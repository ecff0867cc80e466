using TaceCds.Clinical.Terminology;

namespace TaceCds.Clinical.Facts;

public sealed record ExtractionOptions
{
    /// <summary>
    /// The value sets codes are recognised by (labs, TACE and course-ending procedures, the HCC diagnosis, systemic
    /// therapies — WHO ATC codes in ValueSet-systemic-therapy-hcc.json —, intrahepatic locations, coded answers).
    /// Default: fhir-profiles/ as built in; a site's own ValueSet files extend or replace them (<see cref="TerminologyLoader"/>).
    /// </summary>
    public EngineTerminology Terminology { get; init; } = EngineTerminology.BuiltIn;

    public static readonly ExtractionOptions Default = new();
}
