using System.Text.Json;
using System.Text.RegularExpressions;

namespace TaceCds.Fhir.Data;

/// <summary>
/// Which patient a resource belongs to, read from its JSON: a Patient's own id; otherwise the top-level
/// <c>subject</c> or <c>patient</c> reference (BodyStructure.patient, AllergyIntolerance.patient, …) when it
/// points at a Patient. Covers the resources we model; other members of the R4 Patient compartment
/// (compartmentdefinition-patient.html, e.g. Encounter.participant) are not followed.
/// </summary>
public static partial class PatientReferences
{
    private static readonly string[] PatientMembers = ["subject", "patient"];

    /// <param name="resolve">Maps a reference that is not <c>Patient/id</c> (e.g. <c>urn:uuid:…</c> in a Bundle) to a patient id.</param>
    public static string? FindPatientId(JsonElement resource, Func<string, string?>? resolve = null)
    {
        if (resource.ValueKind != JsonValueKind.Object) return null;
        if (resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Patient")
            return resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        foreach (var member in PatientMembers)
        {
            if (!resource.TryGetProperty(member, out var reference) || reference.ValueKind != JsonValueKind.Object) continue;
            if (!reference.TryGetProperty("reference", out var value) || value.ValueKind != JsonValueKind.String) continue;
            var text = value.GetString()!;
            if (PatientIdFromReference(text) is { } patientId) return patientId;
            if (resolve?.Invoke(text) is { } resolved) return resolved;
        }
        return null;
    }

    /// <summary>The id in <c>Patient/x</c>, <c>http://server/fhir/Patient/x</c> or <c>Patient/x/_history/2</c>; else null.</summary>
    public static string? PatientIdFromReference(string reference)
    {
        var m = PatientReference().Match(reference);
        return m.Success ? m.Groups["id"].Value : null;
    }

    // references.html#literal: [base]/Patient/[id] with an optional /_history/[vid]; id per datatypes.html#id.
    [GeneratedRegex(@"(^|/)Patient/(?<id>[A-Za-z0-9\-\.]{1,64})(/_history/[A-Za-z0-9\-\.]{1,64})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PatientReference();
}
