using TaceCds.Dicom.Text;

namespace TaceCds.Dicom;

/// <summary>
/// One data element as read: tag, VR, where it started, and either its raw value bytes, its sequence items,
/// or — for bulk data the reader declined to buffer (pixel data, huge binaries) — only its length.
/// Values are decoded on demand by <see cref="DicomValues"/> so reading stays cheap.
/// </summary>
public sealed class DicomElement
{
    internal DicomElement(DicomTag tag, DicomVR vr, long offset, long length, byte[]? bytes, DicomCharacterSet characterSet)
    {
        Tag = tag;
        VR = vr;
        Offset = offset;
        Length = length;
        Bytes = bytes;
        CharacterSet = characterSet;
    }

    public DicomTag Tag { get; }
    public DicomVR VR { get; }

    /// <summary>Byte offset of the element's tag in the file.</summary>
    public long Offset { get; }

    /// <summary>Value length in bytes; -1 when it was undefined (sequences, encapsulated pixel data).</summary>
    public long Length { get; }

    /// <summary>The raw value; null for sequences and for skipped bulk data.</summary>
    public byte[]? Bytes { get; }

    /// <summary>Items of an SQ (or of a UN value that turned out to be an undefined-length sequence).</summary>
    public IReadOnlyList<DicomDataset> Items => _items ?? (IReadOnlyList<DicomDataset>)[];

    public bool IsSequence => _items is not null;

    /// <summary>True when the value was skipped rather than held in memory (see <see cref="DicomReaderOptions"/>).</summary>
    public bool IsSkippedBulkData { get; internal init; }

    /// <summary>For encapsulated pixel data: the number of fragments skipped (including the offset table item).</summary>
    public int FragmentCount { get; internal init; }

    internal DicomCharacterSet CharacterSet { get; set; }

    internal List<DicomDataset>? MutableItems
    {
        get => _items;
        init => _items = value;
    }

    private readonly List<DicomDataset>? _items;

    public override string ToString() => $"{Tag} {VR} len={Length}";
}
