namespace TaceCds.Clinical.Terminology;

/// <summary>
/// Stable codes of a terminology that cannot be loaded (docs/data-issues.md, "Terminology errors"). Every one stops
/// start-up: the CLI exits 2, the service refuses to start.
/// </summary>
public static class TerminologyErrorCodes
{
    /// <summary>A file that is not JSON, not a ValueSet, has no <c>url</c>, or carries an unknown merge tag.</summary>
    public const string MalformedFile = "TERM101";
    /// <summary>A site ValueSet whose <c>url</c> is none of the engine's value sets.</summary>
    public const string UnknownCanonical = "TERM102";
    /// <summary>A site ValueSet for a value set whose codes are the engine's own vocabulary (it cannot be changed).</summary>
    public const string FixedValueSet = "TERM103";
    /// <summary>A code in two value sets whose kinds must be disjoint (e.g. one LOINC in lab-afp and lab-alt).</summary>
    public const string CodeInTwoKinds = "TERM104";
    /// <summary>A compose the engine cannot read without a terminology server: imports, filters, excludes, a whole system.</summary>
    public const string UnsupportedCompose = "TERM105";
    /// <summary>Two site files both replace the same value set.</summary>
    public const string TwoReplacements = "TERM106";
    /// <summary>A terminology path that does not exist or cannot be read.</summary>
    public const string UnreadablePath = "TERM107";
}
