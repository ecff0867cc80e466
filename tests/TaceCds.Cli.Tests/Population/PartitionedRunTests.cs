using System.Diagnostics;
using System.Text.Json.Nodes;
using TaceCds.SampleGenerator.Population;

namespace TaceCds.Cli.Tests.Population;

/// <summary>
/// Issue 17 "beyond one machine": N = 3 partition processes of the built CLI over one generated population give,
/// together, exactly the single-process run — every patient once, none twice, the same results.
/// </summary>
public sealed class PartitionedRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tacecds-partitions-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Three_partition_processes_together_equal_the_single_process_run_with_no_patient_twice()
    {
        var export = Path.Combine(_folder, "export");
        PopulationExport.Write(export, patients: 60, seed: 3);

        var single = Path.Combine(_folder, "all.ndjson");
        var parts = Enumerable.Range(0, 3).Select(k => Path.Combine(_folder, $"part-{k}.ndjson")).ToList();
        // The three partitions run at the same time, as three pods of an Indexed Job would.
        var processes = parts.Select((file, k) => Start("evaluate", "--ndjson", export, "--as-of", "2025-06-01", "--partition", $"{k}/3", "--out", file)).ToList();
        var whole = Start("evaluate", "--ndjson", export, "--as-of", "2025-06-01", "--out", single);
        foreach (var p in processes.Append(whole)) Finish(p);

        var expected = ByPatient(single);
        Assert.Equal(60, expected.Count);
        var union = parts.SelectMany(File.ReadAllLines).ToList();
        var ids = union.Select(PatientOf).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(expected.Keys.Order(), ids.Order());
        foreach (var line in union) Assert.Equal(expected[PatientOf(line)], line);
        Assert.All(parts, file => Assert.NotEmpty(File.ReadAllLines(file)));
        // Each partition's summary counts its own patients; they add up to the whole.
        var counted = parts.Sum(file => (int)JsonNode.Parse(File.ReadAllText(file + ".summary.json"))!["patients"]!);
        Assert.Equal(60, counted);
    }

    private static Dictionary<string, string> ByPatient(string file) => File.ReadAllLines(file).ToDictionary(PatientOf);

    private static string PatientOf(string line) => JsonNode.Parse(line)!["patient"]!.ToString();

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tacecds.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    private static void Finish(Process process)
    {
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(180_000)) { process.Kill(true); throw new TimeoutException("a partition did not finish in 180 s"); }
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stderr.Result}");
        process.Dispose();
    }
}
