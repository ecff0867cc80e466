using TaceCds.Fhir.Json;

namespace TaceCds.Fhir.Data;

/// <summary>
/// Something a data source could not read or assign, reported instead of dropped.
/// <see cref="Code"/> is a JSON1xx code (<see cref="FhirJsonErrorCodes"/>) or a DATA2xx code (<see cref="DataIssueCodes"/>).
/// </summary>
/// <param name="Location"><c>file:line</c> for NDJSON, <c>file: JSON path</c> (with <c>(line n)</c> when known) for Bundle files.</param>
public sealed record ReadIssue(string Code, string Location, string Message)
{
    public override string ToString() => $"{Code} at {Location}: {Message}";

    internal static ReadIssue FromNdjson(FhirFormatException ex, string file, long line) =>
        new(ex.Code, $"{file}:{line}", ex.Path == JsonCursor.UnknownRoot ? ex.Detail : $"{ex.Path}: {ex.Detail}");

    internal static ReadIssue FromFile(FhirFormatException ex, string file) =>
        new(ex.Code, ex.Line is { } line ? $"{file}:{line}" : $"{file}: {ex.Path}", ex.Detail);

    /// <summary>An error inside a resource of a Bundle file: the file, the JSON path and the line of the resource.</summary>
    internal static ReadIssue FromFile(FhirFormatException ex, string file, long? line) =>
        line is null ? FromFile(ex, file) : new(ex.Code, $"{file}: {ex.Path} (line {line})", ex.Detail);
}

/// <summary>Stable codes of issues that are about assigning resources to patients, not about JSON.</summary>
public static class DataIssueCodes
{
    /// <summary>A resource with no reference to a patient (subject/patient) in a source holding several patients.</summary>
    public const string NoPatientReference = "DATA201";
    /// <summary>A second Patient resource with the same id; both are kept in Resources, the first is the Patient.</summary>
    public const string DuplicatePatient = "DATA202";
    /// <summary>
    /// A resource that refers to a patient whose Patient resource is not in the source (an orphan, e.g. an export cut
    /// between files): it is not evaluated, and reported with its place; the other patients are evaluated.
    /// </summary>
    public const string OrphanResource = "DATA203";
}
