namespace TaceCds.Dicom;

/// <summary>
/// A PN value (PS3.5 6.2.1): up to three component groups (alphabetic, ideographic, phonetic) separated by '=',
/// each with family^given^middle^prefix^suffix. Empty trailing components are simply absent.
/// </summary>
public sealed record DicomPersonName(string? Family, string? Given, string? Middle, string? Prefix, string? Suffix,
    string? Ideographic, string? Phonetic)
{
    public static DicomPersonName Parse(string value)
    {
        var groups = value.Split('=');
        var parts = groups[0].Split('^');
        string? Part(int i) => i < parts.Length && parts[i].Trim() is { Length: > 0 } p ? p : null;
        string? Group(int i) => i < groups.Length && groups[i].Length > 0 ? groups[i] : null;
        return new DicomPersonName(Part(0), Part(1), Part(2), Part(3), Part(4), Group(1), Group(2));
    }
}
