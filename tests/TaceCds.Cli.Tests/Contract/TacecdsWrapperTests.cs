using System.Diagnostics;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>
/// The `./tacecds` wrapper says on stderr that it is building, so a newcomer's first call (minutes on a small machine)
/// does not look like a hang. Run on a copy of the script with a stand-in `dotnet` on PATH: no real build here.
/// </summary>
public class TacecdsWrapperTests
{
    private sealed record Run(int ExitCode, string Stdout, string Stderr);

    private static Run Wrapper(string folder)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(folder, "tacecds"));
        info.ArgumentList.Add("--version");
        info.Environment["PATH"] = Path.Combine(folder, "fakebin") + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(30_000));
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string CopyOfTheWrapper()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tacecds-wrapper-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "fakebin"));
        Directory.CreateDirectory(Path.Combine(folder, "src"));
        File.Copy(RepoPaths.InRepo("tacecds"), Path.Combine(folder, "tacecds"));
        File.WriteAllText(Path.Combine(folder, "src", "Program.cs"), "// a source file");
        // The stand-in dotnet: "build" creates its -o folder and succeeds silently; running the CLI prints its arguments.
        var dotnet = Path.Combine(folder, "fakebin", "dotnet");
        File.WriteAllText(dotnet, """
            #!/usr/bin/env bash
            if [ "$1" = build ]; then
              while [ $# -gt 0 ]; do if [ "$1" = -o ]; then mkdir -p "$2"; fi; shift; done
              exit 0
            fi
            echo "ran $*"

            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }

    [Fact]
    public void The_first_run_says_it_is_building_then_a_run_with_nothing_changed_is_silent_and_a_changed_source_says_rebuilding()
    {
        var folder = CopyOfTheWrapper();

        var first = Wrapper(folder);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("Building TaceCds (first run, about a minute)…\n", first.Stderr);
        Assert.EndsWith("tacecds.dll --version\n", first.Stdout);

        var again = Wrapper(folder);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal("", again.Stderr);

        File.SetLastWriteTimeUtc(Path.Combine(folder, "src", "Program.cs"), DateTime.UtcNow.AddMinutes(1));
        var changed = Wrapper(folder);
        Assert.Equal(0, changed.ExitCode);
        Assert.Equal("Rebuilding TaceCds (sources changed)…\n", changed.Stderr);
    }
}
