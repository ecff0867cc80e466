using System.Text.Json;
using Microsoft.Net.Http.Headers;
using TaceCds.Service.Errors;
using TaceCds.Service.Hosting;

namespace TaceCds.Service.Requests;

/// <summary>Reads a POST body as JSON: media type checked (415), size bounded (413), syntax checked (400).</summary>
public static class RequestBody
{
    public static async Task<JsonDocument> ReadJsonAsync(HttpRequest request, ServiceLimits limits, CancellationToken ct)
    {
        if (!IsJson(request.ContentType))
            throw new CdsProblem(StatusCodes.Status415UnsupportedMediaType, CdsErrorCodes.UnsupportedMediaType,
                "the request body must be application/json", "Content-Type", "not-supported");
        var max = limits.MaxRequestBytes;
        if (request.ContentLength is { } declared && declared > max) throw TooLarge(max);
        using var buffer = new MemoryStream(request.ContentLength is { } n and > 0 ? (int)n : 16 * 1024);
        var chunk = new byte[32 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > max) throw TooLarge(max);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(max);
        }
        if (buffer.Length == 0)
            throw CdsProblem.BadRequest(CdsErrorCodes.MalformedJson, "$", "the request body is empty", "structure");
        try
        {
            return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : "";
            throw CdsProblem.BadRequest(CdsErrorCodes.MalformedJson, "$", "the request body is not well-formed JSON" + where, "structure");
        }
    }

    private static CdsProblem TooLarge(long max) =>
        new(StatusCodes.Status413PayloadTooLarge, CdsErrorCodes.TooLarge, $"the request body is larger than {max} bytes", "$", "too-costly");

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        var type = media.MediaType.Value ?? "";
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
               (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
