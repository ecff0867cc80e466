using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Fhir.Client;

namespace TaceCds.Fhir.Bulk;

/// <summary>
/// The client side of FHIR Bulk Data Access 2.0 export (https://hl7.org/fhir/uv/bulkdata/export.html): kick-off with
/// <c>Prefer: respond-async</c>, status polling that honours <c>Retry-After</c> (capped by
/// <see cref="BulkExportOptions.MaxRetryAfter"/>) and reports <c>X-Progress</c>, the completion manifest, and the
/// NDJSON downloads, each bounded in bytes and written beside its final name until complete. Progress lives in
/// <see cref="BulkExportState"/>, so a stopped run resumes. Cancelling sends <c>DELETE</c> to the status URL.
/// Every request goes through the FHIR client's connect guard under the server's <see cref="AddressPolicy"/>;
/// status and file URLs must share the server's origin, so the token never leaves it. Nothing is logged.
/// </summary>
public sealed class BulkExportClient(HttpClient http, FhirServerAccess server, BulkTokenSource? token = null, BulkExportOptions? options = null,
    TimeProvider? time = null)
{
    private readonly BulkTokenSource _token = token ?? BulkTokenSource.None;
    private readonly BulkExportOptions _options = options ?? new BulkExportOptions();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Runs (or resumes) the export into <paramref name="folder"/>; returns the files written there.</summary>
    public async Task<IReadOnlyList<BulkOutputFile>> RunAsync(BulkExportRequest request, string folder, Action<string>? progress = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var state = BulkExportState.Load(folder);
        var kickOff = new Uri(server.BaseUrl, request.KickOffPath()).AbsoluteUri;
        if (state.KickOff != kickOff || state.StatusUrl is null)
        {
            state = new BulkExportState { KickOff = kickOff, StatusUrl = (await KickOffAsync(new Uri(kickOff), ct).ConfigureAwait(false)).AbsoluteUri };
            state.Save(folder);
            progress?.Invoke("export started");
        }
        else progress?.Invoke(state.Output is null ? "resuming: polling the export started earlier" : "resuming: downloading the files not yet complete");
        try
        {
            if (state.Output is null)
            {
                await PollAsync(new Uri(state.StatusUrl), state, progress, ct).ConfigureAwait(false);
                state.Save(folder);
            }
            var files = state.Output!;
            for (var i = 0; i < files.Count; i++)
            {
                if (state.Completed.Contains(files[i].LocalName)) continue;
                progress?.Invoke($"downloading {files[i].LocalName} ({i + 1}/{files.Count})");
                await DownloadAsync(files[i], Path.Combine(folder, files[i].LocalName), state.RequiresAccessToken, ct).ConfigureAwait(false);
                state.Completed.Add(files[i].LocalName);
                state.Save(folder);
            }
            return files;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await CancelAsync(folder).ConfigureAwait(false);
            throw new BulkExportException(BulkExportErrorCodes.Cancelled, "cancelled; the server was asked to delete the export (DELETE on its status URL)");
        }
    }

    /// <summary>Cancels the export recorded in <paramref name="folder"/>: DELETE on its status URL, and the state is cleared.</summary>
    public async Task<bool> CancelAsync(string folder)
    {
        var state = BulkExportState.Load(folder);
        if (state.StatusUrl is null) return false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await SendAsync(HttpMethod.Delete, CheckOrigin(new Uri(state.StatusUrl)), null, true, timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(Path.Combine(folder, BulkExportState.FileName));
        }
        return true;
    }

    private async Task<Uri> KickOffAsync(Uri url, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, url, "application/fhir+json", true, ct, respondAsync: true).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new BulkExportException(BulkExportErrorCodes.KickOffRefused, $"GET {url.PathAndQuery}: {(int)response.StatusCode}{await OutcomeAsync(response, ct).ConfigureAwait(false)}");
        if ((response.Content.Headers.ContentLocation ?? response.Headers.Location) is not { } location)
            throw new BulkExportException(BulkExportErrorCodes.KickOffRefused, $"GET {url.PathAndQuery}: 202 without Content-Location");
        return CheckOrigin(new Uri(url, location));
    }

    private async Task PollAsync(Uri statusUrl, BulkExportState state, Action<string>? progress, CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + _options.MaxWait;
        while (true)
        {
            using var response = await SendAsync(HttpMethod.Get, statusUrl, "application/json", true, ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                ReadManifest(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false), state);
                progress?.Invoke($"export complete: {state.Output!.Count} file(s)");
                return;
            }
            if (response.StatusCode != HttpStatusCode.Accepted)
                throw new BulkExportException(BulkExportErrorCodes.ExportFailed, $"GET {statusUrl.AbsolutePath}: {(int)response.StatusCode}{await OutcomeAsync(response, ct).ConfigureAwait(false)}");
            var wait = PollDelay(response.Headers.RetryAfter);
            var said = response.Headers.TryGetValues("X-Progress", out var values) ? string.Join(" ", values) : "in progress";
            if (_time.GetUtcNow() + wait > deadline)
                throw new BulkExportException(BulkExportErrorCodes.StillInProgress, $"still in progress ({said}) after {_options.MaxWait}; run again to resume polling");
            progress?.Invoke($"waiting: {said}; next poll in {wait.TotalSeconds:0.#} s");
            await Task.Delay(wait, _time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The server's Retry-After (seconds or date), capped; the default when it sends none.</summary>
    public TimeSpan PollDelay(RetryConditionHeaderValue? retryAfter)
    {
        var wanted = RetryDelay.Requested(retryAfter, _time) ?? _options.DefaultPollDelay;
        if (wanted < TimeSpan.Zero) wanted = TimeSpan.Zero;
        return wanted > _options.MaxRetryAfter ? _options.MaxRetryAfter : wanted;
    }

    private void ReadManifest(string text, BulkExportState state)
    {
        JsonObject? manifest;
        try { manifest = JsonNode.Parse(text) as JsonObject; }
        catch (JsonException) { manifest = null; }
        if (manifest?["output"] is not JsonArray output)
            throw new BulkExportException(BulkExportErrorCodes.InvalidResponse, "the completion manifest has no output array");
        var files = new List<BulkOutputFile>();
        var perType = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in output.OfType<JsonObject>())
        {
            var type = item["type"]?.GetValue<string>();
            var url = item["url"]?.GetValue<string>();
            if (type is null || url is null || !Uri.TryCreate(url, UriKind.Absolute, out var absolute) || !IsResourceType(type))
                throw new BulkExportException(BulkExportErrorCodes.InvalidResponse, "a manifest output entry lacks a resource type or an absolute url");
            CheckOrigin(absolute);
            var n = perType[type] = perType.GetValueOrDefault(type) + 1;
            // One local file per manifest entry; a type split over several files keeps them apart (Observation.2.ndjson).
            files.Add(new BulkOutputFile(type, url, item["count"] is JsonValue c && c.TryGetValue<long>(out var count) ? count : null,
                n == 1 ? $"{type}.ndjson" : $"{type}.{n}.ndjson"));
        }
        state.Output = files;
        state.RequiresAccessToken = manifest["requiresAccessToken"] is JsonValue r && r.TryGetValue<bool>(out var requires) && requires;
        state.TransactionTime = manifest["transactionTime"]?.ToString();
    }

    private async Task DownloadAsync(BulkOutputFile file, string path, bool withToken, CancellationToken ct)
    {
        var partial = path + ".partial";
        try
        {
            await WriteAsync(file, partial, withToken, ct).ConfigureAwait(false);
        }
        catch (BulkExportException ex) when (ex.Code == BulkExportErrorCodes.FileTooLarge)
        {
            File.Delete(partial);
            throw;
        }
        File.Move(partial, path, overwrite: true);
    }

    private async Task WriteAsync(BulkOutputFile file, string partial, bool withToken, CancellationToken ct)
    {
        using (var response = await SendAsync(HttpMethod.Get, CheckOrigin(new Uri(file.Url)), "application/fhir+ndjson", withToken, ct).ConfigureAwait(false))
        {
            if (!response.IsSuccessStatusCode)
                throw new BulkExportException(BulkExportErrorCodes.DownloadFailed, $"GET {new Uri(file.Url).AbsolutePath}: {(int)response.StatusCode}; run again to resume");
            if (response.Content.Headers.ContentLength > _options.MaxFileBytes) throw TooLarge(file);
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            try
            {
                while ((read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > _options.MaxFileBytes) throw TooLarge(file);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                }
            }
            catch (IOException ex)
            {
                throw new BulkExportException(BulkExportErrorCodes.DownloadFailed, $"GET {new Uri(file.Url).AbsolutePath}: {ex.Message}; run again to resume", ex);
            }
        }
    }

    private BulkExportException TooLarge(BulkOutputFile file) =>
        new(BulkExportErrorCodes.FileTooLarge, $"{file.LocalName} is larger than the limit of {_options.MaxFileBytes} bytes (--max-file-bytes); not kept");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, string? accept, bool withToken, CancellationToken ct, bool respondAsync = false)
    {
        using var request = new HttpRequestMessage(method, url);
        if (accept is not null) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (respondAsync) request.Headers.Add("Prefer", "respond-async");
        request.Options.Set(AddressPolicy.OptionKey, server.Network);
        if (withToken && await _token.GetAsync(http, ct).ConfigureAwait(false) is { } bearer)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            var why = ex.InnerException is AddressRefusedException refused ? refused.Message : ex.Message;
            throw new BulkExportException(BulkExportErrorCodes.Unreachable, $"{method} {url.AbsolutePath}: {why}", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new BulkExportException(BulkExportErrorCodes.Unreachable, $"{method} {url.AbsolutePath}: no answer within {_options.RequestTimeout}", ex);
        }
    }

    private Uri CheckOrigin(Uri url) =>
        FhirServerAccess.OriginOf(url) == server.Origin ? url
            : throw new BulkExportException(BulkExportErrorCodes.ForeignUrl, $"{url.GetLeftPart(UriPartial.Authority)} is not the FHIR server's origin; not called");

    // The diagnostics of an OperationOutcome body, if there is one (bounded: a few KB are enough for a message).
    private static async Task<string> OutcomeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        try
        {
            var issues = (JsonNode.Parse(text.Length > 16_384 ? text[..16_384] : text) as JsonObject)?["issue"] as JsonArray;
            var said = issues?.OfType<JsonObject>().Select(i => i["diagnostics"]?.ToString() ?? i["code"]?.ToString()).OfType<string>().ToList();
            return said is { Count: > 0 } ? " (OperationOutcome: " + string.Join("; ", said) + ")" : "";
        }
        catch (JsonException) { return ""; }
    }

    private static bool IsResourceType(string type) => type.Length is > 0 and < 64 && char.IsAsciiLetterUpper(type[0]) && type.All(char.IsAsciiLetter);
}
