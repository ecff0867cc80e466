using TaceCds.Fhir.Data;

namespace TaceCds.Fhir.Ndjson;

/// <summary>Where a resource line is: file (index into <see cref="NdjsonPatientIndex.Files"/>), line number, byte range.</summary>
internal readonly record struct LineLocation(int File, int LineNumber, long Offset, int Length);

/// <summary>
/// Pass 1 of <see cref="NdjsonPatientPartitioner"/>: for each patient id, where its lines are. About 24 bytes per
/// resource line plus the id strings; the resources themselves are not kept.
/// </summary>
public sealed class NdjsonPatientIndex
{
    private readonly Dictionary<string, List<LineLocation>> _lines;

    internal NdjsonPatientIndex(IReadOnlyList<string> files, Dictionary<string, List<LineLocation>> lines,
        IReadOnlyList<string> patientIds, IReadOnlyList<ReadIssue> issues, long resourceLines)
    {
        Files = files;
        _lines = lines;
        PatientIds = patientIds;
        Issues = issues;
        ResourceLines = resourceLines;
    }

    public IReadOnlyList<string> Files { get; }

    /// <summary>Patient ids in order of first appearance.</summary>
    public IReadOnlyList<string> PatientIds { get; }

    /// <summary>Lines assigned to no patient: malformed, not a resource, or without a patient reference (DATA201).</summary>
    public IReadOnlyList<ReadIssue> Issues { get; }

    /// <summary>Non-blank lines seen in pass 1, assigned or not.</summary>
    public long ResourceLines { get; }

    public bool Contains(string patientId) => _lines.ContainsKey(patientId);

    public int LineCount(string patientId) => _lines.TryGetValue(patientId, out var list) ? list.Count : 0;

    internal IReadOnlyList<LineLocation> LinesOf(string patientId) =>
        _lines.TryGetValue(patientId, out var list) ? list : [];
}
