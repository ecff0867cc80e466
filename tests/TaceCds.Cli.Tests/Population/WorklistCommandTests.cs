using System.Text.Json.Nodes;
using TaceCds.Cli.Tests.Contract;

namespace TaceCds.Cli.Tests.Population;

/// <summary>
/// Issue 17 point 3: between a run as of 2024-06-06 and one as of 2024-08-01, p02's CCI 2022 assessment (due between
/// 2024-07-03 and 2024-09-03 after the 3rd TACE of 2024-06-03) came in on 2024-07-22 with the target sum at 125 % of
/// baseline: CCI 2022 went from insufficient data to met, and the assessment is no longer due. p15's course (last
/// TACE 2024-02-19) has the same statuses on both dates: it is not listed.
/// </summary>
public sealed class WorklistCommandTests : IDisposable
{
    private readonly SampleExport _export = new(["p02", "p15"]);

    public void Dispose() => _export.Dispose();

    private (string Previous, string Results) TwoRuns()
    {
        var previous = Path.Combine(_export.Folder, "june.ndjson");
        var results = Path.Combine(_export.Folder, "august.ndjson");
        Assert.Equal(0, CliProcess.Run("evaluate", "--ndjson", _export.Folder, "--as-of", "2024-06-06", "--out", previous).ExitCode);
        Assert.Equal(0, CliProcess.Run("evaluate", "--ndjson", _export.Folder, "--as-of", "2024-08-01", "--out", results).ExitCode);
        return (previous, results);
    }

    [Fact]
    public void Given_p02_CCI_met_since_the_last_run_and_p15_unchanged_only_p02_is_listed_with_its_reason()
    {
        var (previous, results) = TwoRuns();

        var run = CliProcess.Run("worklist", "--results", results, "--previous", previous, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var entry = JsonNode.Parse(Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal("Patient/p02", entry["patient"]!.ToString());
        var reasons = entry["reasons"]!.AsArray().Select(r => r!.ToString()).ToList();
        Assert.Contains("TACE refractoriness (CCI 2022): insufficient-data → met", reasons);
        Assert.Contains("no longer due: CCI 2022 assessment due: contrast CT/MR between 2024-07-03 and 2024-09-03 (1 to 3 months after TACE on 2024-06-03)", reasons);
        Assert.DoesNotContain(run.Stdout, "p15");
    }

    [Fact]
    public void The_board_of_the_worklist_holds_the_changed_patient_only()
    {
        var (previous, results) = TwoRuns();
        var board = Path.Combine(_export.Folder, "worklist.html");

        var run = CliProcess.Run("worklist", "--results", results, "--previous", previous, "--board", board, "--ndjson", _export.Folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1. Patient/p02", run.Stdout);
        Assert.Contains("wrote " + board + ": 1 patient(s)", run.Stdout);
        var html = File.ReadAllText(board);
        Assert.Contains("p02", html);
        Assert.DoesNotContain("p15", html);
    }

    [Fact]
    public void A_previous_run_that_is_not_NDJSON_results_is_refused_with_its_line()
    {
        var (_, results) = TwoRuns();
        var bad = Path.Combine(_export.Folder, "bad.ndjson");
        File.WriteAllText(bad, "{\"patient\":\"Patient/p02\"}\nnot json\n");

        var run = CliProcess.Run("worklist", "--results", results, "--previous", bad);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{bad}:2: not an EvaluationResult", run.Stderr);
    }
}
