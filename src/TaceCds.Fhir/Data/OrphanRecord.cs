namespace TaceCds.Fhir.Data;

/// <summary>
/// A record whose Patient resource is not in the source: its resources belong to a patient the source does not hold,
/// so there is no one to evaluate them for. Each becomes a DATA203 issue at its own place (<c>file:line</c> for NDJSON),
/// together with the lines of that patient that could not be read at all.
/// </summary>
public static class OrphanRecord
{
    public static bool IsOrphan(PatientRecord record) => record.Patient is null;

    public static IReadOnlyList<ReadIssue> Issues(PatientRecord record)
    {
        var issues = record.Resources.Select(r => new ReadIssue(DataIssueCodes.OrphanResource, r.SourceLocation ?? record.Source,
            $"{Describe(r)} refers to Patient/{record.PatientId}, which is not in the export; not evaluated")).ToList();
        issues.AddRange(record.Issues);
        return issues;
    }

    private static string Describe(Model.Resource resource) =>
        resource.Id is { } id ? $"{resource.ResourceType}/{id}" : resource.ResourceType;
}
