using System.Text.RegularExpressions;

namespace TaceCds.Validation;

/// <summary>
/// Firely writes a contained resource step as <c>resource[0]</c> (one resource per entry); people and the FHIRPath
/// spec write <c>resource</c>. Tidying keeps locations comparable with our own data-issue paths.
/// </summary>
public static partial class FhirPathLocation
{
    public static string Tidy(string location) => ResourceIndex().Replace(location, ".resource$1");

    /// <summary>The Bundle entry index a location points into, or null (e.g. <c>Bundle.entry[3].resource.code</c> → 3).</summary>
    public static int? EntryIndex(string location)
    {
        var match = EntryStep().Match(location);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\.resource\[0\](\.|$)")]
    private static partial Regex ResourceIndex();

    [GeneratedRegex(@"^Bundle\.entry\[(\d+)\]")]
    private static partial Regex EntryStep();
}
