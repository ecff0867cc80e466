using System.Diagnostics;
using System.Text.Json.Nodes;
using TaceCds.Testing;

namespace TaceCds.Dicom.Tests.Support;

/// <summary>
/// An empty, writable FHIR R4 server for import tests: tools/fhir-server/server.js (@medplum/fhir-router over an
/// in-memory repository) on 127.0.0.1 at a free port, taking transaction Bundles POSTed to its base. Node missing is
/// a failure, not a skip. (The service tests' NodeFhirServer starts the same script preloaded with the samples.)
/// </summary>
public sealed class LoopbackFhirServer : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new();

    public LoopbackFhirServer()
    {
        var tools = RepoPaths.InRepo("tools");
        if (!File.Exists(Path.Combine(tools, "node_modules", "@medplum", "fhir-router", "package.json")))
            throw new InvalidOperationException("@medplum/fhir-router is not installed: run tools/install/npm.sh (./test.sh does)");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true, // the server exits when this test process (and so its stdin) goes away
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(tools, "fhir-server", "server.js"), "--port", "0" }) start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var errors = new System.Text.StringBuilder();
        _process.ErrorDataReceived += (_, e) => { lock (errors) if (errors.Length < 8192) errors.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        var ready = _process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(60)) || ready.Result is not { } line || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            Dispose();
            lock (errors) throw new InvalidOperationException("the Node FHIR server did not start: " + (errors.Length > 0 ? errors.ToString() : "no answer within 60 s"));
        }
        BaseUrl = line.Split(' ')[1];
        _ = _process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>e.g. http://127.0.0.1:40123/fhir</summary>
    public string BaseUrl { get; }

    /// <summary>Every resource of a type on the server (one large page).</summary>
    public IReadOnlyList<JsonObject> All(string resourceType)
    {
        var text = _http.GetStringAsync($"{BaseUrl}/{resourceType}?_count=1000").GetAwaiter().GetResult();
        var bundle = JsonNode.Parse(text)!.AsObject();
        return (bundle["entry"] as JsonArray ?? []).Select(e => e!["resource"]!.AsObject()).ToList();
    }

    public void Dispose()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}
