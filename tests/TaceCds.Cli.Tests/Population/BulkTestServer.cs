using System.Diagnostics;
using System.Text.Json.Nodes;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Population;

/// <summary>
/// tools/fhir-server/bulk.js (the Bulk Data TEST server) on 127.0.0.1 at a free port, serving the given samples, with
/// its options (polls, Retry-After, injected errors, token). <see cref="Log"/> is what it was asked. Node missing is a
/// failure, not a skip.
/// </summary>
public sealed class BulkTestServer : IDisposable
{
    private readonly Process _process;

    public BulkTestServer(string[] samples, params string[] options)
    {
        var tools = RepoPaths.InRepo("tools");
        if (!File.Exists(Path.Combine(tools, "node_modules", "jose", "package.json")))
            using (var install = Process.Start(new ProcessStartInfo("bash", [Path.Combine(tools, "install", "npm.sh")]) { UseShellExecute = false })!)
                install.WaitForExit();
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(tools, "fhir-server", "bulk.js"));
        foreach (var option in options) start.ArgumentList.Add(option);
        foreach (var id in samples) start.ArgumentList.Add(RepoPaths.InRepo("samples", id + ".json"));
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result is not { } line || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            Dispose();
            throw new InvalidOperationException("the Bulk Data test server did not start");
        }
        BaseUrl = line.Split(' ')[1];
        _ = _process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>e.g. http://127.0.0.1:40123/fhir</summary>
    public string BaseUrl { get; }

    public JsonObject Log()
    {
        using var http = new HttpClient();
        return JsonNode.Parse(http.GetStringAsync(BaseUrl.Replace("/fhir", "/_test/log", StringComparison.Ordinal)).Result)!.AsObject();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}
