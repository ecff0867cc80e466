namespace TaceCds.Dicom.Sr;

/// <summary>
/// A coded entry (PS3.3 8.8 Code Sequence Macro): value (Code Value, or Long/URN Code Value), coding
/// scheme designator (DCM, SCT, LN, UCUM, ...), optional version, and the meaning as written.
/// </summary>
public sealed record SrCode(string Value, string Scheme, string Meaning, string? SchemeVersion = null)
{
    public bool Is(string scheme, string value) =>
        string.Equals(Scheme, scheme, StringComparison.Ordinal) && string.Equals(Value, value, StringComparison.Ordinal);

    public override string ToString() => $"({Value}, {Scheme}, \"{Meaning}\")";

    /// <summary>Reads the first item of a code sequence; null when the sequence is absent or empty.</summary>
    public static SrCode? FromSequence(DicomDataset dataset, DicomTag sequenceTag)
    {
        var items = dataset.GetSequence(sequenceTag);
        return items.Count == 0 ? null : FromItem(items[0]);
    }

    public static SrCode? FromItem(DicomDataset item)
    {
        var value = item.GetString(DicomTags.CodeValue) ?? item.GetString(DicomTags.LongCodeValue) ?? item.GetString(DicomTags.UrnCodeValue);
        var scheme = item.GetString(DicomTags.CodingSchemeDesignator);
        if (value is null)
            return null;
        // URN codes carry no designator (PS3.3 8.8.1.1); keep the URN itself as the identity.
        return new SrCode(value, scheme ?? "", item.GetString(DicomTags.CodeMeaning) ?? "", item.GetString(DicomTags.CodingSchemeVersion));
    }
}
