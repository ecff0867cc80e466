using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Cli.Population;
using TaceCds.Clinical.Evaluation;
using TaceCds.Fhir.Data;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Ndjson;
using TaceCds.Report;

namespace TaceCds.Cli.Commands;

/// <summary>What <c>evaluate --ndjson</c> was asked to do.</summary>
/// <param name="Out">Results file (one EvaluationResult per line), written whole or not at all; null = stdout.</param>
public sealed record NdjsonRunOptions(IReadOnlyList<string> Paths, string? PatientId, bool Strict, PatientPartition Partition, string? Out);

/// <summary>
/// <c>evaluate --ndjson</c>: a Bulk Data export on disk, read one patient at a time and evaluated on every core
/// (memory: the partition's line index and a few patients in flight), optionally one hash partition of it. Lines assigned to no patient and resources of patients the
/// export does not hold (DATA203) are reported on stderr with their file:line and skipped; every other patient is
/// evaluated. A progress bar is drawn on stderr when it is a terminal; a summary closes the run.
/// </summary>
public static class NdjsonEvaluation
{
    public static int Run(NdjsonRunOptions options, Func<RecordInput, JsonObject> evaluate, Func<JsonObject, string> render,
        TextWriter stdout, TextWriter stderr, bool terminal)
    {
        var clock = Stopwatch.StartNew();
        var source = new NdjsonDataSource(options.Paths, options.Strict ? FhirJsonParserOptions.Default : FhirJsonParserOptions.Recovering, options.Partition);
        var summary = new PopulationSummary(options.Partition);
        foreach (var issue in source.Index.Issues)
        {
            stderr.WriteLine("issue " + issue);
            summary.AddUnassigned();
        }
        IReadOnlyList<string> ids = options.PatientId is null ? source.Index.PatientIds : [options.PatientId];
        if (options.PatientId is { } only && !source.Index.Contains(only))
            throw new InputException($"no patient '{only}' in {string.Join(", ", options.Paths)}" + (options.Partition.Count > 1 ? $" partition {options.Partition}" : ""));

        // A results file is written beside its final name and moved into place at the end: a partition that is
        // interrupted and retried (a Kubernetes pod) never leaves half a file for the merge step.
        var partial = options.Out is null ? null : options.Out + ".partial";
        using (var file = partial is null ? null : new StreamWriter(partial, false, new UTF8Encoding(false)))
        {
            var output = file ?? stdout;
            var bar = terminal && ids.Count > 0 ? new TerminalProgressBar(stderr, ids.Count) : null;
            // Patients are read one after the other and evaluated on every core, a few at a time: at most
            // `capacity` records are in memory, and results are written in index order, so output is deterministic.
            var capacity = 2 * Math.Max(1, Environment.ProcessorCount);
            var window = new Queue<Task<(JsonObject Result, string Line)?>>();
            var done = 0;
            void WriteOldest()
            {
                if (window.Dequeue().GetAwaiter().GetResult() is { } evaluated)
                {
                    output.WriteLine(evaluated.Line);
                    summary.AddResult(evaluated.Result);
                }
                bar?.Report(++done, "patients evaluated");
            }
            for (var i = 0; i < ids.Count; i++)
            {
                var record = source.GetPatientRecordAsync(ids[i], CancellationToken.None).GetAwaiter().GetResult()!;
                if (OrphanRecord.IsOrphan(record))
                {
                    if (options.PatientId is not null)
                        throw new InputException($"Patient/{ids[i]}: the export has resources for this patient but no Patient resource");
                    var issues = OrphanRecord.Issues(record);
                    // The bar shares stderr: end its line before a message, it redraws on the next report.
                    if (bar is not null) stderr.WriteLine();
                    foreach (var issue in issues) stderr.WriteLine("issue " + issue);
                    summary.AddOrphan(ids[i], issues);
                    window.Enqueue(Task.FromResult<(JsonObject, string)?>(null));
                }
                else
                {
                    var input = RecordInput.FromRecord(record)!;
                    window.Enqueue(Task.Run<(JsonObject, string)?>(() =>
                    {
                        var result = evaluate(input);
                        return (result, render(result));
                    }));
                }
                while (window.Count >= capacity) WriteOldest();
            }
            while (window.Count > 0) WriteOldest();
            bar?.Finish();
        }
        if (options.Out is not null)
        {
            File.Move(partial!, options.Out, overwrite: true);
            File.WriteAllText(options.Out + ".summary.json", summary.ToJson().ToJsonString(new() { WriteIndented = true }) + "\n", new UTF8Encoding(false));
        }
        stderr.WriteLine(summary.Render(clock.Elapsed));
        return ExitCodes.Ok;
    }
}
