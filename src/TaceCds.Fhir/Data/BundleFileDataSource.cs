using System.Runtime.CompilerServices;
using System.Text.Json;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Json.Readers;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Data;

/// <summary>
/// Bundle files (any Bundle type), or folders of <c>*.json</c> Bundles: one patient per Bundle, or several split by
/// reference (<see cref="BundlePartition"/>). First use indexes which files hold which patient; a record is read by
/// re-reading only its files, so memory is one file's JSON at a time. A patient found in several files gets the
/// resources of all of them. Entries that cannot be read are reported in <see cref="PatientRecord.Issues"/>.
/// </summary>
public sealed class BundleFileDataSource : IFhirDataSource
{
    private readonly FhirJsonParserOptions _options;
    private readonly Lazy<FileIndex> _index;

    /// <param name="options">Default <see cref="FhirJsonParserOptions.Recovering"/>: a bad element is dropped, not the resource.</param>
    public BundleFileDataSource(IEnumerable<string> paths, FhirJsonParserOptions? options = null)
    {
        _options = options ?? FhirJsonParserOptions.Recovering;
        Files = SourcePaths.Expand(paths, "*.json");
        _index = new Lazy<FileIndex>(BuildIndex, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyList<string> Files { get; }

    /// <summary>Files that could not be read as a Bundle, and entries that belong to no patient (DATA201).</summary>
    public IReadOnlyList<ReadIssue> Issues => _index.Value.Issues;

    public Task<PatientRecord?> GetPatientRecordAsync(string patientId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!_index.Value.FilesByPatient.TryGetValue(patientId, out var files)) return Task.FromResult<PatientRecord?>(null);
        var resources = new List<Resource>();
        var issues = new List<ReadIssue>();
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            var (root, lines) = Load(file);
            var partition = BundlePartition.Of(root);
            foreach (var entry in partition.Entries.Where(e => e.PatientId == patientId))
            {
                var path = BundlePartition.EntryPath(entry.Index);
                try
                {
                    var resource = ResourceReader.Read(JsonCursor.Below(path, _options.DropBadElements, lines), entry.Resource);
                    resource.SourceLocation = $"{file}: {path[..^".resource".Length]} (line {lines.LineOf(entry.Resource)})";
                    resources.Add(resource);
                }
                catch (FhirFormatException ex)
                {
                    issues.Add(ReadIssue.FromFile(ex, file, ex.Line ?? lines.LineOf(entry.Resource)));
                }
                catch (InvalidOperationException ex)
                {
                    issues.Add(ReadIssue.FromFile(JsonInput.InvalidText(ex, path), file, lines.LineOf(entry.Resource)));
                }
            }
        }
        var patients = resources.OfType<Patient>().ToList();
        if (patients.Count > 1)
            issues.Add(new ReadIssue(DataIssueCodes.DuplicatePatient, $"Patient/{patientId}", $"{patients.Count} Patient resources for this patient; the first is used"));
        return Task.FromResult<PatientRecord?>(new PatientRecord
        {
            PatientId = patientId,
            Patient = patients.FirstOrDefault(),
            Resources = resources,
            Source = string.Join(";", files),
            Issues = issues,
        });
    }

    public async IAsyncEnumerable<string> ListPatientIdsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        foreach (var id in _index.Value.PatientIds)
        {
            ct.ThrowIfCancellationRequested();
            yield return id;
        }
    }

    private sealed record FileIndex(IReadOnlyList<string> PatientIds, Dictionary<string, List<string>> FilesByPatient, IReadOnlyList<ReadIssue> Issues);

    private FileIndex BuildIndex()
    {
        var order = new List<string>();
        var filesByPatient = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var issues = new List<ReadIssue>();
        foreach (var file in Files)
        {
            BundlePartition partition;
            try
            {
                partition = BundlePartition.Of(Load(file).Root);
            }
            catch (FhirFormatException ex)
            {
                issues.Add(ReadIssue.FromFile(ex, file));
                continue;
            }
            catch (InvalidOperationException ex)
            {
                issues.Add(ReadIssue.FromFile(JsonInput.InvalidText(ex, "Bundle"), file));
                continue;
            }
            foreach (var entry in partition.Entries.Where(e => e.PatientId is null))
            {
                issues.Add(new ReadIssue(DataIssueCodes.NoPatientReference, $"{file}: {BundlePartition.EntryPath(entry.Index)}",
                    "resource has no patient reference and the Bundle holds several patients"));
            }
            foreach (var id in partition.PatientIds)
            {
                if (!filesByPatient.TryGetValue(id, out var files))
                {
                    filesByPatient[id] = files = [];
                    order.Add(id);
                }
                files.Add(file);
            }
        }
        return new FileIndex(order, filesByPatient, issues);
    }

    // The file's JSON, checked to be a Bundle (JSON101/102/104/106 otherwise), and where its elements are.
    private (JsonElement Root, LineMap Lines) Load(string file)
    {
        var bytes = JsonInput.ReadFileBounded(file, _options);
        var root = JsonInput.Parse(bytes, _options);
        var type = ResourceReader.ReadResourceType(new JsonCursor(), root);
        if (type != "Bundle")
            throw new FhirFormatException(FhirJsonErrorCodes.WrongResourceType, "$.resourceType", $"expected a Bundle but got {type}");
        return (root, LineMap.Of(JsonInput.WithoutBom(bytes), root));
    }
}
