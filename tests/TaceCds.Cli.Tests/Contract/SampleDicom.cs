using System.Diagnostics;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>
/// samples/dicom/sample-sr.dcm is made from its text source by samples/dicom/generate.sh (DCMTK xml2dsr), as README
/// tells a newcomer; the binary is never checked in. Generated once per test run, the way a newcomer would.
/// </summary>
internal static class SampleDicom
{
    private static readonly Lazy<bool> Generated = new(Generate);

    public static void EnsureGenerated() => _ = Generated.Value;

    private static bool Generate()
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepoPaths.InRepo("samples", "dicom", "generate.sh"));
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(true); throw new TimeoutException("samples/dicom/generate.sh did not finish in 60 s"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"samples/dicom/generate.sh exited {process.ExitCode}: {stderr.Result}");
        return true;
    }
}
