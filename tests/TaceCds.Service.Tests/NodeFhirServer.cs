using System.Diagnostics;
using TaceCds.Testing;

namespace TaceCds.Service.Tests;

/// <summary>
/// A real FHIR server for integration tests: @medplum/fhir-router (FhirRouter + MemoryRepository) behind
/// tools/fhir-server/server.js, loaded with every sample Bundle, on 127.0.0.1 at a free port. It pages searches
/// (<see cref="PageSize"/> entries a page) so clients must follow <c>next</c> links. Node missing is a failure, not a skip.
/// </summary>
public sealed class NodeFhirServer : IDisposable
{
    public const int PageSize = 25;
    private readonly Process _process;

    public NodeFhirServer()
    {
        var tools = RepoPaths.InRepo("tools");
        if (!File.Exists(Path.Combine(tools, "node_modules", "@medplum", "fhir-router", "package.json")))
            Run("bash", Path.Combine(tools, "install", "npm.sh"));
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true, // the server exits when this test process (and so its stdin) goes away
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(tools, "fhir-server", "server.js"), "--port", "0", "--page-size", PageSize.ToString() }) start.ArgumentList.Add(arg);
        foreach (var file in Directory.GetFiles(SampleRequests.SamplesFolder, "p*.json").Order(StringComparer.Ordinal)) start.ArgumentList.Add(file);
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        // Both pipes are drained for the server's whole life, so a chatty server never blocks on a full pipe.
        var errors = new System.Text.StringBuilder();
        _process.ErrorDataReceived += (_, e) => { lock (errors) if (errors.Length < 8192) errors.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(60)) || ready.Result is not { } line || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            Dispose();
            string error;
            lock (errors) error = errors.Length > 0 ? errors.ToString() : "no answer within 60 s";
            throw new InvalidOperationException("the Node FHIR server did not start: " + error);
        }
        BaseUrl = new Uri(line.Split(' ')[1]);
        _ = _process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>e.g. http://127.0.0.1:40123/fhir</summary>
    public Uri BaseUrl { get; }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }

    private static void Run(string file, string arg)
    {
        using var process = Process.Start(new ProcessStartInfo(file, [arg]) { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arg} failed with exit code {process.ExitCode}");
    }
}
