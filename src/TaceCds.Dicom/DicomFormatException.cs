namespace TaceCds.Dicom;

/// <summary>
/// The only exception the reader lets escape for bad input. <see cref="Code"/> is stable (see
/// <see cref="DicomErrorCodes"/>) so callers and tests can match on it; <see cref="Offset"/> is the byte
/// offset in the file where the problem was found (-1 when it is not about one place in the bytes).
/// </summary>
public sealed class DicomFormatException : Exception
{
    public DicomFormatException(string code, long offset, string message)
        : base($"{code} at byte {offset}: {message}")
    {
        Code = code;
        Offset = offset;
        Detail = message;
    }

    public string Code { get; }
    public long Offset { get; }
    public string Detail { get; }
}
