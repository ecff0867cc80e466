namespace TaceCds.Dicom;

/// <summary>A data element tag (group, element), ordered as PS3.5 orders elements in a data set.</summary>
public readonly record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>
{
    public uint Value => ((uint)Group << 16) | Element;

    /// <summary>Odd groups are private (PS3.5 7.8); groups 0001-0007 and FFFF are not allowed for private data.</summary>
    public bool IsPrivate => (Group & 1) == 1;

    /// <summary>(gggg,0010)-(gggg,00FF) in a private group reserve a block and are always LO.</summary>
    public bool IsPrivateCreator => IsPrivate && Element is >= 0x0010 and <= 0x00FF;

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    /// <summary>Hex form used by the DICOM JSON model (PS3.18 F.2), e.g. "0040A730".</summary>
    public string ToJsonKey() => Value.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"({Group:X4},{Element:X4})";

    public static DicomTag Parse(string eightHex) =>
        new(Convert.ToUInt16(eightHex[..4], 16), Convert.ToUInt16(eightHex[4..8], 16));
}
