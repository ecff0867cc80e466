using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>
/// Every `./tacecds …` command in README.md's code blocks runs on a fresh checkout and exits 0: the newcomer's path.
/// The commands run as written, through bash (globs expand), in an empty working folder that sees the repository's
/// samples, with `./tacecds` standing for the built CLI (the wrapper's own behaviour is in TacecdsWrapperTests).
/// </summary>
public partial class ReadmeCommandTests
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "tacecds.dll");

    /// <summary>The `./tacecds` lines of README.md's fenced code blocks, comments stripped, continuations joined.</summary>
    public static IReadOnlyList<string> ReadmeCommands()
    {
        var commands = new List<string>();
        var inBlock = false;
        var pending = "";
        foreach (var raw in File.ReadAllLines(RepoPaths.InRepo("README.md")))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inBlock = !inBlock; continue; }
            if (!inBlock) continue;
            var line = pending + raw.Trim();
            if (line.EndsWith('\\')) { pending = line[..^1] + " "; continue; }
            pending = "";
            var command = TrailingComment().Replace(line, "").Trim();
            if (command.StartsWith("./tacecds ", StringComparison.Ordinal)) commands.Add(command);
        }
        return commands;
    }

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        // serve keeps running and audit reads the store serve writes: both are run together below.
        foreach (var c in ReadmeCommands().Where(c => !IsServe(c) && !IsAudit(c))) data.Add(c);
        return data;
    }

    [Fact]
    public void The_README_names_the_commands_a_newcomer_tries_and_every_file_they_name_exists()
    {
        var commands = ReadmeCommands();
        foreach (var verb in new[] { "evaluate", "serve", "audit", "board", "rules", "fhirpath", "import-dicom" })
            Assert.Contains(commands, c => c.StartsWith("./tacecds " + verb + " ", StringComparison.Ordinal));
        // The FHIRPath and DICOM examples name files of the repository, not placeholders.
        Assert.Contains(commands, c => c.Contains("fhirpath", StringComparison.Ordinal) && c.Contains("--resource samples/p02.json", StringComparison.Ordinal));
        Assert.True(File.Exists(RepoPaths.InRepo("samples", "p02.json")));
        Assert.Contains(commands, c => c.Contains("import-dicom samples/dicom/sample-sr.dcm", StringComparison.Ordinal));
        // The SR itself is not checked in: README tells the newcomer to make it from its text source first.
        Assert.Contains(File.ReadAllLines(RepoPaths.InRepo("README.md")), l => l.StartsWith("bash samples/dicom/generate.sh ", StringComparison.Ordinal));
        Assert.True(File.Exists(RepoPaths.InRepo("samples", "dicom", "sample-sr.xml")));
        SampleDicom.EnsureGenerated();
        Assert.True(File.Exists(RepoPaths.InRepo("samples", "dicom", "sample-sr.dcm")));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_README_command_exits_0(string command)
    {
        SampleDicom.EnsureGenerated();
        var run = RunInWorkFolder(command, out var folder);
        Assert.True(run.ExitCode == 0, $"`{command}` exited {run.ExitCode}: {run.Stderr}");
        if (command.Contains("--out ", StringComparison.Ordinal))
        {
            var written = Path.Combine(folder, command.Split("--out ")[1].Split(' ')[0]);
            Assert.True(new FileInfo(written).Length > 0, $"`{command}` wrote nothing to {written}");
        }
    }

    [Fact]
    public async Task The_README_serve_command_answers_health_ready_and_a_hook_call_then_the_README_audit_command_reads_its_store()
    {
        var command = Assert.Single(ReadmeCommands(), IsServe);
        var audit = Assert.Single(ReadmeCommands(), IsAudit);
        var port = FreePort();
        var folder = WorkFolder();
        // The README's port 5858 may be taken on a shared machine: the same command on a free port.
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec {Tacecds(command)} --port {port}");
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            // Generous: the first hook call evaluates the patient and compiles the rules on a busy machine.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
            var deadline = DateTime.UtcNow.AddSeconds(90);
            HttpStatusCode? status = null;
            while (DateTime.UtcNow < deadline && status != HttpStatusCode.OK)
            {
                Assert.False(process.HasExited, $"`{command}` exited {(process.HasExited ? process.ExitCode : 0)} before answering");
                try { status = (await http.GetAsync($"http://127.0.0.1:{port}/health/ready")).StatusCode; }
                catch (HttpRequestException) { await Task.Delay(500); }
                catch (TaskCanceledException) { await Task.Delay(500); }
            }
            Assert.Equal(HttpStatusCode.OK, status);
            // The README's patient-view call (its curl line), so that the store has a call to audit.
            using var body = new StringContent(
                """{"hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","context":{"userId":"Practitioner/example","patientId":"p02"}}""",
                System.Text.Encoding.UTF8, "application/json");
            var call = await http.PostAsync($"http://127.0.0.1:{port}/cds-services/tace-course-review", body);
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        var run = RunIn(folder, audit);
        Assert.True(run.ExitCode == 0, $"`{audit}` exited {run.ExitCode}: {run.Stderr}");
    }

    [Fact]
    public void The_README_import_dicom_command_reads_the_sample_SR_into_the_expected_FHIR_values()
    {
        // samples/dicom/sample-sr.xml: lesion A on 2024-07-22, Long axis 42 mm, mRECIST viable diameter 31 mm, HAP 38.5 mL/min/100mL.
        var command = Assert.Single(ReadmeCommands(), c => c.Contains("import-dicom", StringComparison.Ordinal));
        SampleDicom.EnsureGenerated();
        var run = RunInWorkFolder(command, out var folder);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Mapped to TaceCds codes: 3 — ctp-hap ×1, lesion-diameter ×1, viable-diameter ×1", run.Stdout);
        var bundle = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "bundle.json")))!;
        Assert.Equal("transaction", (string?)bundle["type"]);
        var observations = bundle["entry"]!.AsArray().Select(e => e!["resource"]!).Where(r => (string?)r["resourceType"] == "Observation")
            .ToDictionary(r => (string)r["code"]!["coding"]![0]!["code"]!);
        Assert.Equal(["ctp-hap", "lesion-diameter", "viable-diameter"], observations.Keys.Order(StringComparer.Ordinal));
        AssertQuantity(observations["lesion-diameter"], 42m, "mm");
        AssertQuantity(observations["viable-diameter"], 31m, "mm");
        AssertQuantity(observations["ctp-hap"], 38.5m, "mL/min/100mL");
        Assert.All(observations.Values, o =>
        {
            Assert.Equal("Patient/p02", (string?)o["subject"]!["reference"]);
            Assert.StartsWith("2024-07-22", (string?)o["effectiveDateTime"]);
            Assert.Equal("https://tacecds.org/fhir/CodeSystem/tacecds", (string?)o["code"]!["coding"]![0]!["system"]);
        });
    }

    private static void AssertQuantity(JsonNode observation, decimal value, string ucum)
    {
        Assert.Equal(value, (decimal)observation["valueQuantity"]!["value"]!);
        Assert.Equal("http://unitsofmeasure.org", (string?)observation["valueQuantity"]!["system"]);
        Assert.Equal(ucum, (string?)observation["valueQuantity"]!["code"]);
    }

    private static bool IsServe(string command) => command.StartsWith("./tacecds serve", StringComparison.Ordinal);

    private static bool IsAudit(string command) => command.StartsWith("./tacecds audit", StringComparison.Ordinal);

    private static string Tacecds(string command) => "dotnet '" + Dll + "'" + command["./tacecds".Length..];

    /// <summary>An empty folder where the README's relative paths (samples/…) resolve and outputs land.</summary>
    private static string WorkFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tacecds-readme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Directory.CreateSymbolicLink(Path.Combine(folder, "samples"), RepoPaths.InRepo("samples"));
        return folder;
    }

    private static CliProcess.Outcome RunInWorkFolder(string command, out string folder)
    {
        folder = WorkFolder();
        return RunIn(folder, command);
    }

    private static CliProcess.Outcome RunIn(string folder, string command)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Tacecds(command));
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000)) { process.Kill(true); throw new TimeoutException($"`{command}` did not finish in 180 s"); }
        return new CliProcess.Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // A comment after the command: two or more spaces, then '#'.
    [GeneratedRegex(@"\s{2,}#.*$")]
    private static partial Regex TrailingComment();
}
