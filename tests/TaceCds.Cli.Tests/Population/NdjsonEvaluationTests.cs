using System.Text.Json.Nodes;
using TaceCds.Cli.Commands;
using TaceCds.Fhir.Ndjson;

namespace TaceCds.Cli.Tests.Population;

/// <summary>The population run in process: the progress bar only on a terminal, the summary's counts, the results file.</summary>
public sealed class NdjsonEvaluationTests : IDisposable
{
    // p02, p03 and p15; p03 without its Patient resource (an orphan).
    private readonly SampleExport _export = new(["p02", "p03", "p15"], r => !(r["resourceType"]!.ToString() == "Patient" && r["id"]!.ToString() == "p03"));

    public void Dispose() => _export.Dispose();

    private (int Exit, string Stdout, string Stderr) Run(bool terminal, string? output = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var options = new NdjsonRunOptions([_export.Folder], null, false, PatientPartition.All, output);
        var exit = NdjsonEvaluation.Run(options, input => EvaluationPipeline.Evaluate(input, new DateOnly(2025, 6, 1)), r => r.ToJsonString(), stdout, stderr, terminal);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void On_a_terminal_the_bar_counts_the_three_patients_of_the_index_orphan_included()
    {
        var (exit, _, stderr) = Run(terminal: true);

        Assert.Equal(0, exit);
        Assert.Contains("] 3/3 patients evaluated", stderr);
    }

    [Fact]
    public void Off_a_terminal_no_bar_is_drawn()
    {
        var (_, _, stderr) = Run(terminal: false);

        Assert.DoesNotContain("\r[", stderr);
        Assert.Contains("summary: 2 patient(s) evaluated", stderr);
    }

    [Fact]
    public void The_results_file_holds_p02_and_p15_and_its_summary_counts_them_the_orphan_and_the_CCI_statuses()
    {
        var output = Path.Combine(_export.Folder, "results.ndjson");

        var (exit, stdout, _) = Run(terminal: false, output);

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Equal(["Patient/p02", "Patient/p15"], File.ReadAllLines(output).Select(l => JsonNode.Parse(l)!["patient"]!.ToString()).Order());
        Assert.False(File.Exists(output + ".partial"));
        var summary = JsonNode.Parse(File.ReadAllText(output + ".summary.json"))!;
        Assert.Equal(2, (int)summary["patients"]!);
        Assert.Equal(1, (int)summary["orphanPatients"]!);
        // Every resource of samples/p03.json but its Patient: 98 Observations, 4 ImagingStudies, 3 Procedures, 2 BodyStructures, 1 Condition.
        Assert.Equal(108, (int)summary["orphanResources"]!);
        // p02: CCI 2022 met (125 % of baseline after 3 sessions); p15: a responder, not met.
        Assert.Equal(1, (int)summary["definitions"]!["cci-2022"]!["met"]!);
        Assert.Equal(1, (int)summary["definitions"]!["cci-2022"]!["not-met"]!);
    }
}
