using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using TaceCds.Fhir.Data;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Json.Readers;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Ndjson;

/// <summary>
/// Splits a FHIR Bulk Data export (one NDJSON file per resource type, many patients) into one
/// <see cref="PatientRecord"/> at a time, without holding the export in memory.
/// Pass 1 (<see cref="BuildIndex"/>) streams every file and records, per patient id, the byte offset and length of
/// each of its lines (Patient.id; subject/patient references, see <see cref="PatientReferences"/>); lines with no
/// patient are reported in <see cref="NdjsonPatientIndex.Issues"/>. Pass 2 (<see cref="ReadPatient"/>) reads one
/// patient's lines by offset. Memory: the index plus one patient's resources.
/// </summary>
public sealed class NdjsonPatientPartitioner
{
    private readonly IReadOnlyList<string> _files;
    private readonly FhirJsonParser _parser;

    public NdjsonPatientPartitioner(IEnumerable<string> files, FhirJsonParserOptions? options = null)
    {
        _files = [.. files];
        foreach (var file in _files)
        {
            if (!File.Exists(file)) throw new FileNotFoundException($"NDJSON file not found: {file}", file);
        }
        _parser = new FhirJsonParser(options);
    }

    /// <param name="include">Which patient ids to index (e.g. one <see cref="PatientPartition"/>); default every one.
    /// Lines of other patients are read but not kept, so the index of one partition is 1/N of the export's.</param>
    public NdjsonPatientIndex BuildIndex(CancellationToken ct = default, Func<string, bool>? include = null)
    {
        var lines = new Dictionary<string, List<LineLocation>>(StringComparer.Ordinal);
        var order = new List<string>();
        var issues = new List<ReadIssue>();
        long resourceLines = 0;
        for (int f = 0; f < _files.Count; f++)
        {
            using var stream = new FileStream(_files[f], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            foreach (var line in NdjsonLineSplitter.Split(stream, _parser.Options.MaxNdjsonLineBytes))
            {
                ct.ThrowIfCancellationRequested();
                if (!line.TooLong && NdjsonLineSplitter.IsBlank(line.Bytes.Span)) continue;
                resourceLines++;
                var patientId = IndexLine(line, _files[f], issues);
                if (patientId is null || (include is not null && !include(patientId))) continue;
                if (!lines.TryGetValue(patientId, out var list))
                {
                    lines[patientId] = list = [];
                    order.Add(patientId);
                }
                list.Add(new LineLocation(f, line.LineNumber, line.Offset, line.Length));
            }
        }
        return new NdjsonPatientIndex(_files, lines, order, issues, resourceLines);
    }

    /// <summary>Both passes: every patient of the export, one record at a time.</summary>
    public IEnumerable<PatientRecord> ReadPatients(CancellationToken ct = default)
    {
        var index = BuildIndex(ct);
        foreach (var patientId in index.PatientIds)
        {
            ct.ThrowIfCancellationRequested();
            yield return ReadPatient(index, patientId)!;
        }
    }

    /// <summary>Pass 2 for one patient; null when the index has no line for that id.</summary>
    public PatientRecord? ReadPatient(NdjsonPatientIndex index, string patientId)
    {
        var locations = index.LinesOf(patientId);
        if (locations.Count == 0) return null;
        var resources = new List<Resource>(locations.Count);
        var issues = new List<ReadIssue>();
        var handles = new SafeFileHandle?[index.Files.Count];
        try
        {
            var buffer = new byte[locations.Max(l => l.Length)];
            foreach (var at in locations)
            {
                var handle = handles[at.File] ??= File.OpenHandle(index.Files[at.File]);
                int read = RandomAccess.Read(handle, buffer.AsSpan(0, at.Length), at.Offset);
                try
                {
                    var resource = _parser.ParseUtf8<Resource>(buffer.AsSpan(0, read));
                    var file = index.Files[at.File];
                    resource.SourceLocation = $"{file}:{at.LineNumber}";
                    // The line was parsed on its own: its elements are on the file's line, not on line 1.
                    if (resource.DroppedElements.Count > 0)
                        resource.DroppedElements = [.. resource.DroppedElements.Select(d => d with { Line = at.LineNumber })];
                    resources.Add(resource);
                }
                catch (FhirFormatException ex)
                {
                    issues.Add(ReadIssue.FromNdjson(ex, index.Files[at.File], at.LineNumber));
                }
            }
        }
        finally
        {
            foreach (var handle in handles) handle?.Dispose();
        }
        var patients = resources.OfType<Patient>().Where(p => p.Id == patientId).ToList();
        if (patients.Count > 1)
            issues.Add(new ReadIssue(DataIssueCodes.DuplicatePatient, $"Patient/{patientId}", $"{patients.Count} Patient resources with this id; the first is used"));
        return new PatientRecord
        {
            PatientId = patientId,
            Patient = patients.FirstOrDefault(),
            Resources = resources,
            Source = string.Join(";", locations.Select(l => l.File).Distinct().Select(f => index.Files[f])),
            Issues = issues,
        };
    }

    // The patient a line belongs to, or null with an issue recorded (malformed, not a resource, no patient).
    private string? IndexLine(RawLine line, string file, List<ReadIssue> issues)
    {
        if (line.TooLong)
        {
            issues.Add(new ReadIssue(FhirJsonErrorCodes.InputTooLarge, $"{file}:{line.LineNumber}",
                $"line longer than the limit of {_parser.Options.MaxNdjsonLineBytes} bytes"));
            return null;
        }
        try
        {
            using var doc = JsonInput.ParseDocument(line.Bytes, _parser.Options);
            var root = doc.RootElement;
            var type = ResourceReader.ReadResourceType(new JsonCursor(), root);
            var patientId = PatientReferences.FindPatientId(root);
            if (patientId is null)
                issues.Add(new ReadIssue(DataIssueCodes.NoPatientReference, $"{file}:{line.LineNumber}", $"{Describe(type, root)} has no patient reference"));
            return patientId;
        }
        catch (FhirFormatException ex)
        {
            issues.Add(ReadIssue.FromNdjson(ex, file, line.LineNumber));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            issues.Add(ReadIssue.FromNdjson(JsonInput.InvalidText(ex, JsonCursor.UnknownRoot), file, line.LineNumber));
            return null;
        }
    }

    private static string Describe(string type, JsonElement root) =>
        root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? $"{type}/{id.GetString()}" : type;
}
