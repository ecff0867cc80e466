using System.Diagnostics;

namespace TaceCds.Dicom.Tests.Support;

/// <summary>
/// Runs the DCMTK / dicom3tools reference programs. A missing tool FAILS the test (never a silent skip):
/// ./test.sh installs them through tools/install/dicom-tools.sh.
/// </summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string tool, params string[] args) => RunIn(null, tool, args);

    public static Result RunIn(string? workingDirectory, string tool, params string[] args)
    {
        var path = Locate(tool);
        var psi = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + path);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in 60 s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a tool that must succeed and returns its standard output.</summary>
    public static string RunOk(string tool, params string[] args)
    {
        var r = Run(tool, args);
        if (r.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} exited {r.ExitCode}: {r.StdErr}");
        return r.StdOut;
    }

    public static string Locate(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':'))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException(
            $"Reference tool '{tool}' is not installed. Run tools/install/dicom-tools.sh (./test.sh does) — " +
            "the DICOM differential tests need DCMTK and dicom3tools and fail without them.");
    }
}
