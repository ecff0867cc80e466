using System.Text;
using TaceCds.Clinical.Terminology;

namespace TaceCds.Cli.Rendering;

/// <summary>
/// The value sets the engine loaded, for <c>tacecds rules list</c>: each one's code count and the site files that
/// changed it, and the value set the order check matches, so an integrator sees what a local code will do.
/// </summary>
public static class TerminologyListing
{
    public static string Render(EngineTerminology terminology)
    {
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine("value sets (fhir-profiles/ built in; a site file with the same url extends, or with the replace tag replaces):");
        foreach (var set in terminology.ValueSets.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            var site = set.Files.Where(f => !f.EndsWith(TerminologyLoader.BuiltInSuffix, StringComparison.Ordinal)).ToList();
            var origin = site.Count == 0 ? "built in" : (set.Replaced ? "replaced by " : "extended by ") + string.Join(", ", site);
            var fixedNote = ValueSetUrls.SiteExtensible.Contains(set.Url) ? "" : "  (fixed)";
            sb.AppendLine($"  {set.Id,-26} {set.Codes.Count,3} codes  {origin}{fixedNote}");
        }
        var tace = terminology.TaceProcedure;
        sb.AppendLine();
        sb.AppendLine($"order check (tace-order-check) matches ServiceRequest.code in {tace.Url} ({tace.Codes.Count} codes: " +
            string.Join(", ", tace.Codes.Take(8).Select(c => $"{c.System}#{c.Code}")) + (tace.Codes.Count > 8 ? ", …" : "") + ") or tacecds#deb-tace");
        return sb.ToString();
    }
}
