using System.Net;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Tests.Telemetry;

/// <summary>
/// A FHIR server in memory serving the sample Bundles: <c>Patient/{id}</c>, <c>{Type}?patient={id}</c> searches and
/// <c>metadata</c>. A resource type (or "metadata") listed in <see cref="Failing"/> answers with that status instead.
/// </summary>
public sealed class SampleFhirServer : HttpMessageHandler
{
    public Dictionary<string, HttpStatusCode> Failing { get; } = new(StringComparer.Ordinal);
    private int _requests;
    public int Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        Interlocked.Increment(ref _requests);
        var url = request.RequestUri!;
        var type = url.Segments[^1].TrimEnd('/');
        var read = url.Segments.Length >= 2 && url.Segments[^2].TrimEnd('/') == "Patient";
        if (read) type = "Patient";
        if (Failing.TryGetValue(type, out var failure))
            return Answer(failure, """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception"}]}""");
        if (type == "metadata") return Answer(HttpStatusCode.OK, """{"resourceType":"CapabilityStatement","status":"active","kind":"instance","fhirVersion":"4.0.1"}""");
        var patient = read ? url.Segments[^1] : System.Web.HttpUtility.ParseQueryString(url.Query)["patient"] ?? "";
        var resources = SampleRequests.PatientIds.Contains(patient)
            ? SampleRequests.Bundle(patient)["entry"]!.AsArray().Select(e => e!["resource"]!).Where(r => (string?)r["resourceType"] == type).ToList()
            : [];
        if (read)
            return resources.Count == 1
                ? Answer(HttpStatusCode.OK, resources[0].ToJsonString())
                : Answer(HttpStatusCode.NotFound, """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]}""");
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = resources.Count,
            ["entry"] = new JsonArray(resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r.DeepClone() }).ToArray()),
        };
        return Answer(HttpStatusCode.OK, bundle.ToJsonString());
    }

    private static Task<HttpResponseMessage> Answer(HttpStatusCode status, string body) =>
        Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/fhir+json") });
}
