using TaceCds.Fhir.Json;

namespace TaceCds.Clinical.Facts;

/// <summary>
/// Elements the reader left out of a resource because they could not be read (<see cref="DroppedElement"/>): each is
/// a data issue with the reader's stable JSON1xx code and its JSON location, and the fact it would have given stays
/// unknown — the resource and the patient are still evaluated.
/// </summary>
internal static class DroppedElementIssues
{
    public static void Report(IReadOnlyList<RecordEntry> entries, ExtractionContext ctx)
    {
        for (int i = 0; i < entries.Count; i++)
        {
            var resource = entries[i].Resource;
            foreach (var dropped in resource.DroppedElements)
            {
                ctx.Issue(dropped.Code, resource, $"{Where(entries[i], dropped)}: {dropped.Detail}; the element is left out and read as unknown", DataIssue.Error);
            }
        }
    }

    // A path read inside its Bundle (Bundle.entry[3].resource.birthDate) already locates the element in the Bundle;
    // one read on its own (Patient.birthDate) is located by where the resource was found (prefetch.patient, file:line).
    private static string Where(RecordEntry entry, DroppedElement dropped)
    {
        var container = entry.Location ?? entry.Resource.SourceLocation;
        if (container is null) return dropped.Location;
        if (!dropped.Path.StartsWith("Bundle.", StringComparison.Ordinal)) return $"{container}: {dropped.Location}";
        int inBundle = container.IndexOf(": Bundle.", StringComparison.Ordinal);
        return inBundle > 0 ? $"{container[..inBundle]}: {dropped.Location}" : dropped.Location;
    }
}
