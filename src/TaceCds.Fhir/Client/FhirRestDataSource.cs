using System.Runtime.CompilerServices;
using TaceCds.Fhir.Data;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Client;

/// <summary>
/// A FHIR REST server as an <see cref="IFhirDataSource"/> (the HAPI-style port): a patient's record is the Patient read
/// plus one <c>?patient=</c> search per resource type the engine reads. OperationOutcomes and unreadable entries become
/// <see cref="PatientRecord.Issues"/>; transport failures throw <see cref="FhirClientException"/>.
/// </summary>
public sealed class FhirRestDataSource(FhirRestClient client, FhirServerAccess server) : IFhirDataSource
{
    /// <summary>The resource types searched by patient (what the clinical extraction reads besides Patient).</summary>
    public static IReadOnlyList<string> PatientCompartmentTypes { get; } =
        ["Condition", "Procedure", "Observation", "ImagingStudy", "BodyStructure", "MedicationStatement", "MedicationRequest", "MedicationAdministration"];

    /// <summary>Issue code for an OperationOutcome the server sent instead of (or with) data.</summary>
    public const string ServerOutcomeCode = "FC201";

    public async Task<PatientRecord?> GetPatientRecordAsync(string patientId, CancellationToken ct)
    {
        var id = Uri.EscapeDataString(patientId);
        var patientRead = await client.FetchAsync(server, $"Patient/{id}", ct).ConfigureAwait(false);
        var resources = new List<Resource>(patientRead.Resources);
        var issues = new List<ReadIssue>(Issues(patientRead, $"Patient/{id}"));
        foreach (var type in PatientCompartmentTypes)
        {
            var search = $"{type}?patient={id}";
            var found = await client.FetchAsync(server, search, ct).ConfigureAwait(false);
            resources.AddRange(found.Resources);
            issues.AddRange(Issues(found, search));
        }
        if (patientRead.NotFound && resources.Count == 0) return null;
        return new PatientRecord
        {
            PatientId = patientId,
            Patient = resources.OfType<Patient>().FirstOrDefault(p => p.Id == patientId),
            Resources = resources,
            Source = server.BaseUrl.GetLeftPart(UriPartial.Path),
            Issues = issues,
        };
    }

    public async IAsyncEnumerable<string> ListPatientIdsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var found = await client.FetchAsync(server, "Patient?_elements=id", ct).ConfigureAwait(false);
        foreach (var patient in found.Resources.OfType<Patient>())
        {
            if (patient.Id is { } id) yield return id;
        }
    }

    /// <summary>Unreadable entries and server OperationOutcome errors of one fetch, as read issues.</summary>
    public static IEnumerable<ReadIssue> Issues(FhirFetchResult result, string request) =>
        result.Issues.Concat(result.Outcomes.SelectMany(o => o.Issue).Where(i => i.Severity is "error" or "fatal")
            .Select(i => new ReadIssue(ServerOutcomeCode, "GET " + request, $"the server reported {i.Severity} '{i.Code}'" + (i.Diagnostics is { } d ? ": " + d : ""))));
}
