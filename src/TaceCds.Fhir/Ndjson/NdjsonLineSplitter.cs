namespace TaceCds.Fhir.Ndjson;

/// <summary>One line of an NDJSON stream. <see cref="Bytes"/> is only valid until the next line is read.</summary>
internal readonly record struct RawLine(int LineNumber, long Offset, int Length, ReadOnlyMemory<byte> Bytes, bool TooLong);

/// <summary>
/// Splits a stream into lines without reading it whole: one 64 KB read buffer plus one line buffer that grows to
/// the longest line seen, never beyond the line limit (a longer line is skipped and flagged, not buffered).
/// </summary>
internal static class NdjsonLineSplitter
{
    private const int ChunkSize = 64 * 1024;

    public static IEnumerable<RawLine> Split(Stream stream, int maxLineBytes)
    {
        var chunk = new byte[ChunkSize];
        var line = new byte[Math.Min(maxLineBytes, 4096)];
        int lineLength = 0, lineNumber = 1, read;
        bool tooLong = false;
        long position = 0, lineStart = 0;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            int i = 0;
            while (i < read)
            {
                int newline = Array.IndexOf(chunk, (byte)'\n', i, read - i);
                int end = newline < 0 ? read : newline;
                int take = end - i;
                if (!tooLong && lineLength + take > maxLineBytes) tooLong = true;
                if (!tooLong)
                {
                    if (lineLength + take > line.Length) Array.Resize(ref line, Math.Min(maxLineBytes, Math.Max(line.Length * 2, lineLength + take)));
                    Buffer.BlockCopy(chunk, i, line, lineLength, take);
                    lineLength += take;
                }
                position += take;
                i = end;
                if (newline < 0) continue;
                yield return Make(lineNumber, lineStart, position, line, lineLength, tooLong);
                position++; // the '\n'
                i++;
                lineStart = position;
                lineNumber++;
                lineLength = 0;
                tooLong = false;
            }
        }
        if (lineLength > 0 || tooLong) yield return Make(lineNumber, lineStart, position, line, lineLength, tooLong);
    }

    private static RawLine Make(int lineNumber, long start, long end, byte[] line, int lineLength, bool tooLong)
    {
        // A Windows line end leaves '\r' before '\n'; it is not part of the JSON.
        int contentLength = !tooLong && lineLength > 0 && line[lineLength - 1] == (byte)'\r' ? lineLength - 1 : lineLength;
        int length = (int)Math.Min(int.MaxValue, end - start);
        return new RawLine(lineNumber, start, length, tooLong ? ReadOnlyMemory<byte>.Empty : line.AsMemory(0, contentLength), tooLong);
    }

    public static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        }
        return true;
    }
}
