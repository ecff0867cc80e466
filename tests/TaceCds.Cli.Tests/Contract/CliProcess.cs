using System.Diagnostics;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>Runs the built tacecds CLI as a separate process, as a user would.</summary>
public static class CliProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "tacecds.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(true); throw new TimeoutException("tacecds did not finish in 60 s"); }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}
