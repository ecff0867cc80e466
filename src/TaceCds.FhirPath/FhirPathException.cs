namespace TaceCds.FhirPath;

/// <summary>
/// Any failure to parse or evaluate a FHIRPath expression. <see cref="Code"/> is stable (see
/// <see cref="FhirPathErrorCodes"/> and docs/fhirpath.md); <see cref="Position"/> is the 0-based character
/// offset of a syntax error; <see cref="SubExpression"/> is the text of the part that failed at evaluation.
/// </summary>
public sealed class FhirPathException : Exception
{
    public FhirPathException(string code, string message, int? position = null, string? subExpression = null)
        : base(Format(code, message, position, subExpression))
    {
        Code = code;
        Position = position;
        SubExpression = subExpression;
        Detail = message;
    }

    public string Code { get; }
    public int? Position { get; }
    public string? SubExpression { get; }
    /// <summary>The message without code and location.</summary>
    public string Detail { get; }

    private static string Format(string code, string message, int? position, string? subExpression)
    {
        var where = position is { } p ? $" at position {p}" : subExpression is { } s ? $" in '{Shorten(s)}'" : "";
        return $"{code}: {message}{where}";
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
