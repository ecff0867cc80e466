using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Data;

/// <summary>Everything one source holds about one patient.</summary>
public sealed class PatientRecord
{
    /// <summary>The id resources refer to the patient by (<c>Patient/{PatientId}</c>).</summary>
    public required string PatientId { get; init; }
    /// <summary>The Patient resource, or null when the source only has resources that refer to it.</summary>
    public Patient? Patient { get; init; }
    /// <summary>Every resource of the patient, the Patient included, in source order.</summary>
    public required IReadOnlyList<Resource> Resources { get; init; }
    /// <summary>Where the record came from (file paths, server), for messages and audit.</summary>
    public required string Source { get; init; }
    /// <summary>Resources of this patient that could not be read.</summary>
    public IReadOnlyList<ReadIssue> Issues { get; init; } = [];
}
