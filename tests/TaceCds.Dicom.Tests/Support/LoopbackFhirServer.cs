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
    private readonly NodeServerProcess _server =
        new(Path.Combine("fhir-server", "server.js"), ["--port", "0"], "@medplum/fhir-router");
    private readonly HttpClient _http = new();

    /// <summary>e.g. http://127.0.0.1:40123/fhir</summary>
    public string BaseUrl => _server.ListeningUrl;

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
        _server.Dispose();
    }
}
