namespace TaceCds.Fhir.Json;

/// <summary>
/// FHIR JSON that cannot be read into the model. <see cref="Code"/> is stable (see <see cref="FhirJsonErrorCodes"/>);
/// <see cref="Path"/> is the JSON path of the offending element (<c>Bundle.entry[3].resource.valueQuantity.value</c>),
/// or <c>$</c> when the resource type is not known yet.
/// </summary>
public sealed class FhirFormatException : Exception
{
    public FhirFormatException(string code, string path, string detail, long? line = null, long? position = null, Exception? inner = null)
        : base(Format(code, path, detail, line, position), inner)
    {
        Code = code;
        Path = path;
        Detail = detail;
        Line = line;
        Position = position;
    }

    public string Code { get; }
    public string Path { get; }
    /// <summary>The message without code and location.</summary>
    public string Detail { get; }
    /// <summary>1-based line in the input (for NDJSON: the line of the file), when known.</summary>
    public long? Line { get; }
    /// <summary>1-based byte position within <see cref="Line"/>, when known (malformed JSON only).</summary>
    public long? Position { get; }

    /// <summary>The same error located on a given NDJSON line (keeps the position inside the line).</summary>
    internal FhirFormatException AtLine(long line) => new(Code, Path, Detail, line, Position, InnerException);

    private static string Format(string code, string path, string detail, long? line, long? position)
    {
        var where = line is null ? path : position is null ? $"{path} (line {line})" : $"{path} (line {line}, position {position})";
        return $"{code} at {where}: {detail}";
    }
}
