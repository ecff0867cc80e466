using System.Text.Json;
using TaceCds.Fhir.Json;

namespace TaceCds.Fhir.Data;

/// <summary>
/// Which patient each entry of one Bundle belongs to. References are resolved against the Bundle's own
/// <c>fullUrl</c>s, so <c>urn:uuid:</c> references of transaction Bundles (e.g. Synthea) work. In a Bundle with
/// exactly one patient, entries that refer to no patient (Organization, Medication, …) belong to that patient;
/// with several patients they belong to none and are reported (DATA201).
/// </summary>
internal sealed class BundlePartition
{
    public sealed record Entry(int Index, JsonElement Resource, string? PatientId);

    private BundlePartition(IReadOnlyList<Entry> entries, IReadOnlyList<string> patientIds)
    {
        Entries = entries;
        PatientIds = patientIds;
    }

    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>Patient ids in order of first appearance.</summary>
    public IReadOnlyList<string> PatientIds { get; }

    public static string EntryPath(int index) => $"Bundle.entry[{index}].resource";

    /// <param name="bundle">A JSON object whose resourceType is Bundle.</param>
    public static BundlePartition Of(JsonElement bundle)
    {
        var resources = new List<(int Index, JsonElement Resource, string? FullUrl)>();
        if (bundle.TryGetProperty("entry", out var entryArray))
        {
            if (entryArray.ValueKind != JsonValueKind.Array)
                throw new FhirFormatException(FhirJsonErrorCodes.WrongJsonType, "Bundle.entry", "expected an array, got " + entryArray.ValueKind);
            int i = 0;
            foreach (var entry in entryArray.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource))
                    resources.Add((i, resource, entry.TryGetProperty("fullUrl", out var url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null));
                i++;
            }
        }

        // A Patient is known by its id; a Patient without id (allowed in transactions) by its fullUrl.
        var patientByFullUrl = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, resource, fullUrl) in resources)
        {
            if (fullUrl is not null && PatientKey(resource, fullUrl) is { } key) patientByFullUrl[fullUrl] = key;
        }

        var ids = new List<string>();
        var entries = new List<Entry>(resources.Count);
        foreach (var (index, resource, fullUrl) in resources)
        {
            var id = PatientKey(resource, fullUrl) ?? PatientReferences.FindPatientId(resource, r => patientByFullUrl.GetValueOrDefault(r));
            if (id is not null && !ids.Contains(id)) ids.Add(id);
            entries.Add(new Entry(index, resource, id));
        }
        if (ids.Count == 1)
            entries = [.. entries.Select(e => e with { PatientId = ids[0] })];
        return new BundlePartition(entries, ids);
    }

    private static string? PatientKey(JsonElement resource, string? fullUrl)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var type)
            || type.ValueKind != JsonValueKind.String || type.GetString() != "Patient") return null;
        return resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : fullUrl;
    }
}
