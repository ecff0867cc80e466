using TaceCds.Fhir.Json;

namespace TaceCds.Fhir.Ndjson;

/// <summary>
/// FHIR Bulk Data NDJSON (one resource per line, https://hl7.org/fhir/uv/bulkdata/ and http://ndjson.org), read as a
/// stream: memory is one line at a time. A bad line becomes an error item with its code and line number and
/// reading goes on with the next line; blank lines are skipped.
/// </summary>
public sealed class NdjsonReader(FhirJsonParserOptions? options = null)
{
    private readonly FhirJsonParser _parser = new(options);

    public FhirJsonParserOptions Options => _parser.Options;

    public IEnumerable<NdjsonResult> Read(Stream stream)
    {
        foreach (var line in NdjsonLineSplitter.Split(stream, Options.MaxNdjsonLineBytes))
        {
            if (line.TooLong)
            {
                yield return new NdjsonResult(line.LineNumber, line.Offset, line.Length, null, new FhirFormatException(
                    FhirJsonErrorCodes.InputTooLarge, JsonCursor.UnknownRoot,
                    $"line longer than the limit of {Options.MaxNdjsonLineBytes} bytes", line.LineNumber));
                continue;
            }
            if (NdjsonLineSplitter.IsBlank(line.Bytes.Span)) continue;
            yield return ParseLine(line);
        }
    }

    public IEnumerable<NdjsonResult> ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        foreach (var result in Read(stream)) yield return result;
    }

    private NdjsonResult ParseLine(RawLine line)
    {
        try
        {
            return new NdjsonResult(line.LineNumber, line.Offset, line.Length, _parser.ParseUtf8<Model.Resource>(line.Bytes.Span), null);
        }
        catch (FhirFormatException ex)
        {
            return new NdjsonResult(line.LineNumber, line.Offset, line.Length, null, ex.AtLine(line.LineNumber));
        }
    }
}
