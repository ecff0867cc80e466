using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TaceCds.Testing;

namespace TaceCds.FhirPath.Tests.Differential;

/// <summary>Runs tools/fhirpath-oracle.js (fhirpath.js 5.2.0) once for a whole batch of expressions.</summary>
internal static class FhirPathOracle
{
    public static IReadOnlyList<JsonElement> EvaluateAll(IReadOnlyList<(string? File, string Expression)> requests)
    {
        EnsureInstalled();
        var input = new StringBuilder();
        foreach (var (file, expression) in requests)
        {
            input.AppendLine(file is null
                ? JsonSerializer.Serialize(new { expression })
                : JsonSerializer.Serialize(new { file, expression }));
        }
        var (exit, stdout, stderr) = Run("node", [RepoPaths.InRepo("tools", "fhirpath-oracle.js")], input.ToString(), TimeSpan.FromMinutes(2));
        if (exit != 0)
            throw new InvalidOperationException($"fhirpath-oracle.js failed ({exit}): {stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != requests.Count)
            throw new InvalidOperationException($"oracle answered {lines.Length} of {requests.Count} requests: {stderr}");
        return lines.Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.Clone();
        }).ToList();
    }

    /// <summary>Node is required (the test fails, never skips, without it); node_modules is installed on demand.</summary>
    private static void EnsureInstalled()
    {
        var (exit, _, stderr) = Run("bash", [RepoPaths.InRepo("tools", "install", "npm.sh")], "", TimeSpan.FromMinutes(5));
        if (exit != 0)
            throw new InvalidOperationException("tools/install/npm.sh failed; node, npm and tools/node_modules are required: " + stderr);
    }

    private static (int Exit, string Stdout, string Stderr) Run(string program, string[] args, string stdin, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
