using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Errors;

/// <summary>A JSON body as <c>application/json</c> with a status: every answer of the service, cards and errors alike.</summary>
public sealed class CdsJsonResult(JsonNode body, int status = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<JsonNode>, IContentTypeHttpResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public JsonNode Value { get; } = body;
    public int StatusCode { get; } = status;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;
    object? IValueHttpResult.Value => Value;
    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = ContentType;
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, WriterOptions);
        Value.WriteTo(writer);
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
