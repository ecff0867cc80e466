using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TaceCds.Fhir.Data;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Client;

/// <summary>
/// Reads and searches a FHIR R4 REST server: bearer token, <c>link[next]</c> paging, bounded by pages, time and bytes
/// (<see cref="FhirClientOptions"/>); 5xx and 429 answers are retried with exponential backoff (or the server's
/// <c>Retry-After</c>, never past the time left), nothing else is; a redirect is an error, never followed. Bodies are
/// read as streams that stop at the byte budget. Nothing is logged; errors are <see cref="FhirClientException"/>.
/// </summary>
/// <param name="budget">
/// The call this client serves (shared by every fetch through it, in parallel too); null: each fetch has a budget of its own.
/// </param>
public sealed class FhirRestClient(HttpClient http, FhirClientOptions? options = null, TimeProvider? time = null, FhirJsonParser? parser = null,
    FhirCallBudget? budget = null)
{
    private static readonly MediaTypeWithQualityHeaderValue FhirJson = new("application/fhir+json");
    private readonly FhirClientOptions _options = options ?? FhirClientOptions.Default;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    // Recovering by default: one bad element of one resource on a page is dropped with its path, not the resource.
    private readonly FhirJsonParser _parser = parser ?? FhirJsonParser.Recovering;

    public FhirClientOptions Options => _options;

    /// <summary>
    /// GETs <paramref name="relativeUrl"/> (a read like <c>Patient/p1</c> or a search like <c>Observation?patient=p1</c>).
    /// A searchset is followed through its <c>next</c> links; a 404/410 is <see cref="FhirFetchResult.NotFound"/>.
    /// </summary>
    public async Task<FhirFetchResult> FetchAsync(FhirServerAccess server, string relativeUrl, CancellationToken ct)
    {
        using var owned = budget is null ? new FhirCallBudget(_options, _time) : null;
        var callBudget = budget ?? owned!;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, callBudget.Token);
        var resources = new List<Resource>();
        var outcomes = new List<OperationOutcome>();
        var issues = new List<ReadIssue>();
        var url = new Uri(server.BaseUrl, relativeUrl.TrimStart('/'));
        if (!server.Contains(url))
            throw new FhirClientException(FhirClientErrorCodes.ForeignLink, relativeUrl, "the URL is outside the FHIR server's base URL");
        var pages = 0;
        try
        {
            while (true)
            {
                if (pages == _options.MaxPages)
                    throw new FhirClientException(FhirClientErrorCodes.TooManyPages, relativeUrl, $"more than {_options.MaxPages} pages");
                using var page = await GetPageAsync(server, url, relativeUrl, callBudget, linked.Token).ConfigureAwait(false);
                pages++;
                if (page is null) return new FhirFetchResult { Resources = [], Pages = pages, NotFound = true };
                var root = page.RootElement;
                var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString() : null;
                if (type is null)
                    throw new FhirClientException(FhirClientErrorCodes.InvalidResponse, relativeUrl, "the response is not a FHIR resource (no resourceType)");
                if (type != "Bundle")
                {
                    var single = ReadOne(root, relativeUrl, $"page {pages}", issues);
                    if (single is OperationOutcome oo) outcomes.Add(oo);
                    else if (single is not null) resources.Add(single);
                    return Result();
                }
                var next = ReadBundlePage(root, relativeUrl, pages, resources, outcomes, issues);
                if (next is null) return Result();
                if (!Uri.TryCreate(url, next, out var nextUrl) || !server.Contains(nextUrl))
                    throw new FhirClientException(FhirClientErrorCodes.ForeignLink, relativeUrl, "a next link points outside the FHIR server's base URL");
                url = nextUrl;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new FhirClientException(FhirClientErrorCodes.Timeout, relativeUrl, $"no complete answer within the call's {callBudget.TotalTime.TotalSeconds:0.###} s");
        }

        FhirFetchResult Result() => new() { Resources = resources, Outcomes = outcomes, Issues = issues, Pages = pages };
    }

    /// <summary>One resource by <c>Type/id</c>, or null when the server has none (404/410).</summary>
    public async Task<Resource?> ReadAsync(FhirServerAccess server, string relativeUrl, CancellationToken ct)
    {
        var result = await FetchAsync(server, relativeUrl, ct).ConfigureAwait(false);
        return result.Resources.Count > 0 ? result.Resources[0] : null;
    }

    // The next link of a searchset page, after adding its entries.
    private string? ReadBundlePage(JsonElement bundle, string relativeUrl, int page, List<Resource> resources, List<OperationOutcome> outcomes, List<ReadIssue> issues)
    {
        if (bundle.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var where = $"page {page} entry[{index++}]";
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("resource", out var json)) continue;
                var resource = ReadOne(json, relativeUrl, where, issues);
                if (resource is OperationOutcome oo) outcomes.Add(oo);
                else if (resource is not null) resources.Add(resource);
            }
        }
        if (!bundle.TryGetProperty("link", out var links) || links.ValueKind != JsonValueKind.Array) return null;
        foreach (var link in links.EnumerateArray())
        {
            if (link.ValueKind == JsonValueKind.Object && link.TryGetProperty("relation", out var rel) && rel.ValueKind == JsonValueKind.String &&
                rel.GetString() == "next" && link.TryGetProperty("url", out var href) && href.ValueKind == JsonValueKind.String)
                return href.GetString();
        }
        return null;
    }

    private Resource? ReadOne(JsonElement json, string relativeUrl, string where, List<ReadIssue> issues)
    {
        try
        {
            return _parser.Parse(json, $"GET {relativeUrl} {where}");
        }
        catch (FhirFormatException ex)
        {
            issues.Add(new ReadIssue(ex.Code, $"GET {relativeUrl} {where}: {ex.Path}", ex.Detail));
            return null;
        }
    }

    // One GET with retries; null for 404/410.
    private async Task<JsonDocument?> GetPageAsync(FhirServerAccess server, Uri url, string relativeUrl, FhirCallBudget callBudget, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(FhirJson);
            request.Options.Set(AddressPolicy.OptionKey, server.Network);
            if (server.BearerToken is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var perRequest = CancellationTokenSource.CreateLinkedTokenSource(ct);
            perRequest.CancelAfter(_options.RequestTimeout);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, perRequest.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new FhirClientException(FhirClientErrorCodes.Timeout, relativeUrl, $"no answer within {_options.RequestTimeout.TotalSeconds:0.###} s");
            }
            catch (HttpRequestException ex) when (ex.InnerException is AddressRefusedException refused)
            {
                throw new FhirClientException(FhirClientErrorCodes.AddressRefused, relativeUrl, "the FHIR server's address may not be contacted: " + refused.Message, inner: ex);
            }
            catch (HttpRequestException ex)
            {
                throw new FhirClientException(FhirClientErrorCodes.Unreachable, relativeUrl, "the FHIR server could not be reached: " + ex.HttpRequestError, inner: ex);
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                    return await ReadBodyAsync(response, relativeUrl, callBudget, perRequest.Token).ConfigureAwait(false);
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone) return null;
                if (status is >= 300 and < 400)
                    throw new FhirClientException(FhirClientErrorCodes.Redirect, relativeUrl, $"the FHIR server answered {status} (a redirect); redirects are not followed", status);
                var retryable = status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests;
                if (!retryable || attempt >= _options.MaxRetries)
                    throw new FhirClientException(FhirClientErrorCodes.ErrorStatus, relativeUrl,
                        $"the FHIR server answered {status}" + (retryable ? $" after {attempt + 1} attempts" : ""), status);
                // A server that asks for more than MaxRetryDelay will not be ready within a CDS call: asking it again
                // sooner than it said would only repeat the refusal (and hold the clinician), so give up now.
                if (RetryDelay.Requested(response.Headers.RetryAfter, _time) is { } asked && asked > _options.MaxRetryDelay)
                    throw new FhirClientException(FhirClientErrorCodes.ErrorStatus, relativeUrl,
                        $"the FHIR server answered {status} and asks to retry after {asked.TotalSeconds:0.###} s, more than the {_options.MaxRetryDelay.TotalSeconds:0.###} s waited at most", status);
                var delay = RetryDelay.For(attempt, response.Headers.RetryAfter, _options, _time);
                // Waiting past the call's time only to be cancelled would hold the clinician for nothing: give up now.
                if (delay >= callBudget.Remaining)
                    throw new FhirClientException(FhirClientErrorCodes.ErrorStatus, relativeUrl,
                        $"the FHIR server answered {status}; its retry delay ({delay.TotalSeconds:0.###} s) does not fit in the call's time left", status);
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<JsonDocument> ReadBodyAsync(HttpResponseMessage response, string relativeUrl, FhirCallBudget callBudget, CancellationToken ct)
    {
        var max = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } length && length > max)
            throw new FhirClientException(FhirClientErrorCodes.ResponseTooLarge, relativeUrl, $"the response has {length} bytes, more than {max}");
        if (response.Content.Headers.ContentLength is { } declared && !callBudget.Fits(declared))
            throw OverBudget(relativeUrl, callBudget);
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
                throw new FhirClientException(FhirClientErrorCodes.ResponseTooLarge, relativeUrl, $"the response has more than {max} bytes");
            if (!callBudget.TryConsume(read)) throw OverBudget(relativeUrl, callBudget);
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = _parser.Options.MaxDepth });
        }
        catch (JsonException ex)
        {
            throw new FhirClientException(FhirClientErrorCodes.InvalidResponse, relativeUrl, "the response is not JSON: " + ex.Message, inner: ex);
        }
    }

    private static FhirClientException OverBudget(string relativeUrl, FhirCallBudget callBudget) =>
        new(FhirClientErrorCodes.CallBudgetExceeded, relativeUrl, $"the call has read its budget of {callBudget.MaxBytes} response bytes (all pages and keys)");
}
