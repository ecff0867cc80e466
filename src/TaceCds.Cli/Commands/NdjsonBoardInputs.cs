using TaceCds.Clinical.Evaluation;
using TaceCds.Fhir.Data;

namespace TaceCds.Cli.Commands;

/// <summary>
/// The patients of a Bulk Data export for <c>board --ndjson</c>: lines that belong to no patient and resources of
/// patients the export does not hold (DATA203) are reported on <paramref name="report"/> with file:line and left
/// out, so one orphan never costs the packet. A patient asked for by id must be there.
/// </summary>
public static class NdjsonBoardInputs
{
    public static IReadOnlyList<RecordInput> Read(NdjsonDataSource source, IReadOnlyList<string> requested, TextWriter report)
    {
        foreach (var issue in source.Index.Issues) report.WriteLine("issue " + issue);
        var ids = requested.Count > 0 ? requested : source.Index.PatientIds;
        var inputs = new List<RecordInput>(ids.Count);
        foreach (var id in ids)
        {
            var record = source.GetPatientRecordAsync(id, CancellationToken.None).GetAwaiter().GetResult()
                ?? throw new InputException($"no patient '{id}' in the export");
            if (RecordInput.FromRecord(record) is { } input)
            {
                inputs.Add(input);
                continue;
            }
            if (requested.Count > 0) throw new InputException($"Patient/{id}: the export has resources for this patient but no Patient resource");
            foreach (var issue in OrphanRecord.Issues(record)) report.WriteLine("issue " + issue);
        }
        return inputs;
    }
}
