using System.Net;
using System.Text;

namespace TaceCds.Fhir.Tests.Client;

/// <summary>
/// A FHIR server in a handler: answers each request with the next scripted response for its path and query, and
/// records what it was sent (URL and Authorization header) so tests can assert on them.
/// </summary>
public sealed class ScriptedFhirServer : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _script = new(StringComparer.Ordinal);

    public List<(Uri Url, string? Authorization)> Requests { get; } = [];

    /// <summary>Answers for <paramref name="pathAndQuery"/> (e.g. <c>/fhir/Observation?patient=p1</c>), one per call; the last repeats.</summary>
    public ScriptedFhirServer On(string pathAndQuery, params Func<HttpResponseMessage>[] answers)
    {
        _script[pathAndQuery] = new Queue<Func<HttpResponseMessage>>(answers);
        return this;
    }

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/fhir+json") };

    public static string Searchset(string? next, params string[] resources) =>
        "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"," +
        (next is null ? "" : $"\"link\":[{{\"relation\":\"next\",\"url\":\"{next}\"}}],") +
        "\"entry\":[" + string.Join(",", resources.Select(r => $"{{\"resource\":{r}}}")) + "]}";

    public static string Observation(string id) =>
        $"{{\"resourceType\":\"Observation\",\"id\":\"{id}\",\"status\":\"final\",\"code\":{{\"text\":\"x\"}},\"subject\":{{\"reference\":\"Patient/p1\"}}}}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        Requests.Add((request.RequestUri!, request.Headers.Authorization?.ToString()));
        await Task.Yield();
        ct.ThrowIfCancellationRequested();
        if (!_script.TryGetValue(request.RequestUri!.PathAndQuery, out var answers))
            return Json("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]}""", HttpStatusCode.NotFound);
        var answer = answers.Count > 1 ? answers.Dequeue() : answers.Peek();
        return answer();
    }
}
