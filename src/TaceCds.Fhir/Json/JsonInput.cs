using System.Text.Json;

namespace TaceCds.Fhir.Json;

/// <summary>
/// Turns bytes into a JsonElement that owns its memory (no document to dispose), with the size and depth
/// bounds of <see cref="FhirJsonParserOptions"/>; malformed JSON becomes JSON101 with line and byte position.
/// </summary>
internal static class JsonInput
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8) => utf8.StartsWith(Utf8Bom) ? utf8[Utf8Bom.Length..] : utf8;

    public static JsonElement Parse(ReadOnlySpan<byte> utf8, FhirJsonParserOptions options)
    {
        utf8 = WithoutBom(utf8);
        try
        {
            // Parses the whole input (trailing data is an error) into an element that owns its memory.
            return JsonElement.Parse(utf8, DocumentOptions(options));
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
        catch (InvalidOperationException ex)
        {
            throw InvalidPropertyName(utf8, options, ex);
        }
    }

    // Strict JSON: no comments or trailing commas, and no duplicate property names, whose meaning would be
    // ambiguous (RFC 8259 section 4: names SHOULD be unique); each is JSON101.
    private static JsonDocumentOptions DocumentOptions(FhirJsonParserOptions options) => new()
    {
        MaxDepth = options.MaxDepth,
        AllowDuplicateProperties = false,
    };

    /// <summary>A pooled document for a quick look (the caller disposes it); same errors as <see cref="Parse"/>.</summary>
    public static JsonDocument ParseDocument(ReadOnlyMemory<byte> utf8, FhirJsonParserOptions options)
    {
        if (utf8.Span.StartsWith(Utf8Bom)) utf8 = utf8[Utf8Bom.Length..];
        try
        {
            return JsonDocument.Parse(utf8, DocumentOptions(options));
        }
        catch (JsonException ex)
        {
            throw Malformed(ex);
        }
        catch (InvalidOperationException ex)
        {
            throw InvalidPropertyName(utf8.Span, options, ex);
        }
    }

    /// <summary>Reads a whole stream, refusing more than <see cref="FhirJsonParserOptions.MaxInputBytes"/>.</summary>
    public static byte[] ReadBounded(Stream stream, FhirJsonParserOptions options)
    {
        long max = options.MaxInputBytes;
        if (stream.CanSeek && stream.Length - stream.Position > max) throw TooLarge(stream.Length - stream.Position, max);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > max) throw TooLarge(buffer.Length + n, max);
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    public static byte[] ReadFileBounded(string path, FhirJsonParserOptions options)
    {
        long length = new FileInfo(path).Length;
        if (length > options.MaxInputBytes) throw TooLarge(length, options.MaxInputBytes);
        using var stream = File.OpenRead(path);
        return ReadBounded(stream, options);
    }

    /// <summary>
    /// System.Text.Json checks UTF-8 and escapes only when a string is decoded, and then throws
    /// InvalidOperationException; this turns that into JSON101 (bytes not UTF-8) or JSON105 (a lone surrogate escape).
    /// </summary>
    public static FhirFormatException InvalidText(InvalidOperationException ex, string path) =>
        ex.InnerException is System.Text.DecoderFallbackException
            ? new(FhirJsonErrorCodes.MalformedJson, path, "text is not valid UTF-8", inner: ex)
            : new(FhirJsonErrorCodes.InvalidPrimitive, path, "text is not valid Unicode (" + ex.Message + ")", inner: ex);

    /// <summary>
    /// The duplicate-name check decodes every property name, and a name that is not valid Unicode (a lone surrogate
    /// escape such as <c>"\ud800"</c>, or bytes that are not UTF-8) throws InvalidOperationException there, with no
    /// position. This finds the name again so the JSON101 names its place (issue 13, row 7).
    /// </summary>
    private static FhirFormatException InvalidPropertyName(ReadOnlySpan<byte> utf8, FhirJsonParserOptions options, InvalidOperationException ex)
    {
        var where = BadPropertyName.Find(utf8, options.MaxDepth);
        var detail = ex.InnerException is System.Text.DecoderFallbackException
            ? "a property name is not valid UTF-8"
            : "a property name is not valid Unicode (a lone surrogate escape)";
        return where is { } w
            ? new(FhirJsonErrorCodes.MalformedJson, w.Path, detail, w.Line, w.Position, ex)
            : new(FhirJsonErrorCodes.MalformedJson, JsonCursor.UnknownRoot, detail, inner: ex);
    }

    public static FhirFormatException TooLarge(long size, long max) =>
        new(FhirJsonErrorCodes.InputTooLarge, JsonCursor.UnknownRoot, $"input of {size} bytes exceeds the limit of {max} bytes");

    private static FhirFormatException Malformed(JsonException ex) =>
        new(FhirJsonErrorCodes.MalformedJson, ex.Path is { Length: > 0 } p ? p : JsonCursor.UnknownRoot,
            WithoutZeroBasedPosition(ex.Message), ex.LineNumber + 1, ex.BytePositionInLine + 1, ex);

    // System.Text.Json appends its 0-based "LineNumber: 0 | BytePositionInLine: 5."; we report 1-based ones.
    private static string WithoutZeroBasedPosition(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }
}
