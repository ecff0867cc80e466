using TaceCds.Fhir.Data;

/// <summary>
/// The yardstick of the population figures (docs/performance.md, "Population"): what <c>tacecds evaluate --ndjson</c>
/// does without evaluating — both passes of the NDJSON partitioner (index, then every patient's lines read by offset
/// and parsed into the model) — so "evaluate vs parse-only" on the same files is the cost the engine adds.
/// Run as a process: <c>dotnet bench/TaceCds.Benchmarks/bin/Release/net10.0/TaceCds.Benchmarks.dll population-parse DIR</c>.
/// </summary>
internal static class PopulationParseOnly
{
    public static int Run(string folder)
    {
        var source = new NdjsonDataSource([folder]);
        long patients = 0, resources = 0;
        foreach (var id in source.Index.PatientIds)
        {
            var record = source.GetPatientRecordAsync(id, CancellationToken.None).GetAwaiter().GetResult()!;
            patients++;
            resources += record.Resources.Count;
        }
        Console.WriteLine($"parsed {patients} patients, {resources} resources");
        return 0;
    }
}
