using System.Buffers;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using TaceCds.Service.Errors;
using TaceCds.Service.Hosting;

namespace TaceCds.Service.Requests;

/// <summary>
/// Reads a POST body as JSON: media type checked (415), size bounded (413), syntax checked (400), strings and member
/// names valid Unicode and members unique (400, <see cref="JsonTextCheck"/>).
/// </summary>
public static class RequestBody
{
    public static async Task<JsonBody> ReadJsonAsync(HttpRequest request, ServiceLimits limits, CancellationToken ct)
    {
        if (!IsJson(request.ContentType))
            throw new CdsProblem(StatusCodes.Status415UnsupportedMediaType, CdsErrorCodes.UnsupportedMediaType,
                "the request body must be application/json", "Content-Type", "not-supported");
        var max = limits.MaxRequestBytes;
        if (request.ContentLength is { } declared && declared > max) throw TooLarge(max);
        // Pooled buffers: a full prefetch is ~100 KB, which would otherwise land on the large object heap every call.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } n and > 0 ? (int)n + 1 : 64 * 1024);
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0)
            {
                length += read;
                if (length > max) throw TooLarge(max);
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, max + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            if (length == 0)
                throw CdsProblem.BadRequest(CdsErrorCodes.MalformedJson, "$", "the request body is empty", "structure");
            JsonTextCheck.Check(buffer.AsSpan(0, length), limits.MaxJsonDepth);
            return new JsonBody(JsonDocument.Parse(buffer.AsMemory(0, length), new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth }), buffer);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw TooLarge(max);
        }
        catch (JsonException ex)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : "";
            throw CdsProblem.BadRequest(CdsErrorCodes.MalformedJson, "$", "the request body is not well-formed JSON" + where, "structure");
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
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
