using System.Diagnostics;
using System.Text;

namespace TaceCds.Testing;

/// <summary>
/// A Node test server of tools/ (e.g. fhir-server/server.js) on 127.0.0.1 at a free port: installs tools/node_modules
/// when the module it needs is missing, starts the script, waits for its "listening URL" line and drains both pipes
/// for its whole life. Node missing is a failure, not a skip.
/// </summary>
public sealed class NodeServerProcess : IDisposable
{
    private readonly Process _process;

    /// <param name="script">The script under tools/, e.g. fhir-server/server.js.</param>
    /// <param name="arguments">Its arguments after the script.</param>
    /// <param name="module">A module under tools/node_modules the script needs, e.g. @medplum/fhir-router.</param>
    public NodeServerProcess(string script, IEnumerable<string> arguments, string module)
    {
        var tools = RepoPaths.InRepo("tools");
        if (!File.Exists(Path.Combine(tools, "node_modules", module, "package.json")))
            Run("bash", Path.Combine(tools, "install", "npm.sh"));
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true, // the server exits when this test process (and so its stdin) goes away
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(tools, script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var errors = new StringBuilder();
        _process.ErrorDataReceived += (_, e) => { lock (errors) if (errors.Length < 8192) errors.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(60)) || ready.Result is not { } line || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            Dispose();
            string error;
            lock (errors) error = errors.Length > 0 ? errors.ToString() : "no answer within 60 s";
            throw new InvalidOperationException($"the Node server {script} did not start: " + error);
        }
        ListeningUrl = line.Split(' ')[1];
        _ = _process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>What the server said it listens on, e.g. http://127.0.0.1:40123/fhir.</summary>
    public string ListeningUrl { get; }

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
