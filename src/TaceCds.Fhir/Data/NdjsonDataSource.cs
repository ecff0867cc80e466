using System.Runtime.CompilerServices;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Ndjson;

namespace TaceCds.Fhir.Data;

/// <summary>
/// A FHIR Bulk Data export on disk: NDJSON files, or folders of <c>*.ndjson</c> files. The patient index (pass 1 of
/// <see cref="NdjsonPatientPartitioner"/>) is built on first use; each record is then read by offset.
/// </summary>
public sealed class NdjsonDataSource : IFhirDataSource
{
    private readonly NdjsonPatientPartitioner _partitioner;
    private readonly Lazy<NdjsonPatientIndex> _index;

    /// <param name="options">Default <see cref="FhirJsonParserOptions.Recovering"/>: a bad element is dropped, not the resource.</param>
    /// <param name="partition">Only the patients of this partition (default every patient); the others are not indexed.</param>
    public NdjsonDataSource(IEnumerable<string> paths, FhirJsonParserOptions? options = null, PatientPartition? partition = null)
    {
        Files = SourcePaths.Expand(paths, "*.ndjson");
        Partition = partition ?? PatientPartition.All;
        _partitioner = new NdjsonPatientPartitioner(Files, options ?? FhirJsonParserOptions.Recovering);
        Func<string, bool>? include = Partition.Count == 1 ? null : Partition.Contains;
        _index = new Lazy<NdjsonPatientIndex>(() => _partitioner.BuildIndex(include: include), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public PatientPartition Partition { get; }

    public IReadOnlyList<string> Files { get; }

    /// <summary>The index, with the lines that belong to no patient in its Issues.</summary>
    public NdjsonPatientIndex Index => _index.Value;

    public Task<PatientRecord?> GetPatientRecordAsync(string patientId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(_partitioner.ReadPatient(Index, patientId));
    }

    public async IAsyncEnumerable<string> ListPatientIdsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        foreach (var id in Index.PatientIds)
        {
            ct.ThrowIfCancellationRequested();
            yield return id;
        }
    }
}
