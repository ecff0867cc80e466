using System.Text.Json.Nodes;
using TaceCds.Cli.Tests.Contract;

namespace TaceCds.Cli.Tests.Population;

/// <summary>
/// Issue 15: a resource whose patient is missing from the export is reported (DATA203 at file:line) and skipped; the
/// other patients are evaluated (exit 0), and the board packet is written.
/// </summary>
public sealed class NdjsonOrphanTests : IDisposable
{
    // p02 and p03, without p03's Patient resource: every p03 resource is an orphan.
    private readonly SampleExport _export = new(["p02", "p03"], r => !(r["resourceType"]!.ToString() == "Patient" && r["id"]!.ToString() == "p03"));

    public void Dispose() => _export.Dispose();

    [Fact]
    public void Evaluate_reports_each_orphan_with_file_and_line_and_evaluates_the_rest()
    {
        var run = CliProcess.Run("evaluate", "--ndjson", _export.Folder, "--as-of", "2025-06-01");

        Assert.Equal(0, run.ExitCode);
        var result = JsonNode.Parse(Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;
        Assert.Equal("Patient/p02", result["patient"]!.ToString());
        Assert.Equal(3, (int)result["course"]!["consecutiveSessions"]!);
        var line = _export.LineOf("Procedure", "p03-tace-1");
        Assert.Contains($"DATA203 at {_export.PathOf("Procedure")}:{line}: Procedure/p03-tace-1 refers to Patient/p03, which is not in the export", run.Stderr);
        Assert.Contains("summary: 1 patient(s) evaluated", run.Stderr);
        Assert.Contains("of 1 patient(s) not in the export (DATA203)", run.Stderr);
    }

    [Fact]
    public void Board_writes_the_packet_of_the_patients_present_and_reports_the_orphans()
    {
        var html = Path.Combine(_export.Folder, "board.html");

        var run = CliProcess.Run("board", "--ndjson", _export.Folder, "--as-of", "2025-06-01", "--out", html);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 patient(s)", run.Stdout);
        Assert.Contains("p02", File.ReadAllText(html));
        Assert.Contains("DATA203", run.Stderr);
    }

    [Fact]
    public void Asking_for_the_orphan_patient_by_id_is_refused_with_exit_2()
    {
        var run = CliProcess.Run("evaluate", "--ndjson", _export.Folder, "--as-of", "2025-06-01", "--patient", "p03");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Patient/p03: the export has resources for this patient but no Patient resource", run.Stderr);
    }
}
