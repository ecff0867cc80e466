namespace TaceCds.Clinical.Terminology;

/// <summary>
/// A value set that cannot be loaded: its code (<see cref="TerminologyErrorCodes"/>), the file (or <c>built-in …</c>)
/// and where in it, so that the message alone lets a site fix its file.
/// </summary>
public sealed class TerminologyException(string code, string file, string? location, string detail)
    : Exception($"{code} {file}{(location is null ? "" : " " + location)}: {detail}")
{
    public string Code { get; } = code;
    public string File { get; } = file;
    public string? Location { get; } = location;
    public string Detail { get; } = detail;
}
