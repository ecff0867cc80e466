using System.Net.Http.Headers;
using System.Text.Json;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Dicom.Import;

/// <summary>What the server did with one entry (Bundle.entry.response): its HTTP status and where the resource is.</summary>
public sealed record TransactionEntryOutcome(int? Status, string? Location)
{
    /// <summary>201: the entry made a new resource.</summary>
    public bool Created => Status == 201;

    /// <summary>200 on a conditional create: the server already held a resource with that identifier; nothing was created.</summary>
    public bool AlreadyPresent => Status == 200;
}

/// <summary>The FHIR server's answer to a transaction (or why there was none), with each entry's outcome when it answered.</summary>
public sealed record TransactionOutcome(bool Success, int? StatusCode, string Message)
{
    /// <summary>One per Bundle entry, in order, from the transaction-response; empty when the server gave none.</summary>
    public IReadOnlyList<TransactionEntryOutcome> Entries { get; init; } = [];
}

/// <summary>
/// POSTs a transaction Bundle to a FHIR base URL (FHIR R4 http.html#transaction: POST [base] with the Bundle,
/// Content-Type application/fhir+json) and reads the transaction-response's entry statuses. One attempt, bounded by a
/// timeout; the handler is injectable for tests.
/// </summary>
public sealed class FhirTransactionSender(HttpMessageHandler? handler = null, TimeSpan? timeout = null)
{
    public TransactionOutcome Send(string baseUrl, Bundle bundle)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return new TransactionOutcome(false, null, $"'{baseUrl}' is not an http(s) URL");
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = timeout ?? TimeSpan.FromSeconds(60);
        using var content = new ByteArrayContent(FhirJsonWriter.Default.WriteToUtf8Bytes(bundle));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl.TrimEnd('/')) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        try
        {
            using var response = http.Send(request);
            var code = (int)response.StatusCode;
            var entries = response.IsSuccessStatusCode ? EntryOutcomes(response) : [];
            return new TransactionOutcome(response.IsSuccessStatusCode, code, $"FHIR server answered {code} {response.ReasonPhrase}") { Entries = entries };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new TransactionOutcome(false, null, $"FHIR server {baseUrl} not reachable: {e.Message}");
        }
    }

    /// <summary>
    /// Bundle.entry[i].response of a transaction-response: <c>status</c> starts with the 3-digit code ("201 Created",
    /// or "201"). A body that is not a Bundle with entries gives none: the import still succeeded, only the per-entry
    /// counts are unknown.
    /// </summary>
    private static List<TransactionEntryOutcome> EntryOutcomes(HttpResponseMessage response)
    {
        try
        {
            using var stream = response.Content.ReadAsStream();
            using var json = JsonDocument.Parse(stream);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
                return [];
            return entries.EnumerateArray().Select(entry =>
            {
                var answer = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
                var status = Text(answer, "status") is { Length: >= 3 } s && int.TryParse(s[..3], out var n) ? n : (int?)null;
                return new TransactionEntryOutcome(status, Text(answer, "location"));
            }).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
