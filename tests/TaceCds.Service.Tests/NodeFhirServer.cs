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
    private readonly NodeServerProcess _server;

    public NodeFhirServer()
    {
        string[] options = ["--port", "0", "--page-size", PageSize.ToString()];
        var samples = Directory.GetFiles(SampleRequests.SamplesFolder, "p*.json").Order(StringComparer.Ordinal);
        _server = new NodeServerProcess(Path.Combine("fhir-server", "server.js"), [.. options, .. samples], "@medplum/fhir-router");
        BaseUrl = new Uri(_server.ListeningUrl);
    }

    /// <summary>e.g. http://127.0.0.1:40123/fhir</summary>
    public Uri BaseUrl { get; }

    public void Dispose() => _server.Dispose();
}
