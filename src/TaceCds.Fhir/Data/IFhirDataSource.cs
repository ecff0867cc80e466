namespace TaceCds.Fhir.Data;

/// <summary>
/// The port the engine reads patients through (files now; a FHIR REST client and CDS Hooks prefetch later).
/// Implementations report unreadable data in <see cref="PatientRecord.Issues"/> rather than failing the record.
/// </summary>
public interface IFhirDataSource
{
    /// <summary>The patient's record, or null when the source has nothing for that id.</summary>
    Task<PatientRecord?> GetPatientRecordAsync(string patientId, CancellationToken ct);

    /// <summary>Every patient id in the source, in a stable order (order of first appearance).</summary>
    IAsyncEnumerable<string> ListPatientIdsAsync(CancellationToken ct);
}
