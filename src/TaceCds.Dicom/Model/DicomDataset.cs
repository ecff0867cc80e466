using TaceCds.Dicom.Text;

namespace TaceCds.Dicom;

/// <summary>A data set or sequence item: elements in file order, looked up by tag.</summary>
public sealed class DicomDataset
{
    private readonly List<DicomElement> _elements = [];
    private Dictionary<DicomTag, DicomElement>? _index;

    internal DicomDataset(long offset, DicomCharacterSet characterSet)
    {
        Offset = offset;
        CharacterSet = characterSet;
    }

    /// <summary>Byte offset of the item (or of the first element of a top-level data set).</summary>
    public long Offset { get; }

    /// <summary>The character set in force for this data set: its own (0008,0005) or its parent's.</summary>
    public DicomCharacterSet CharacterSet { get; internal set; }

    public IReadOnlyList<DicomElement> Elements => _elements;

    public DicomElement? this[DicomTag tag] => Find(tag);

    public bool Contains(DicomTag tag) => Find(tag) is not null;

    public DicomElement? Find(DicomTag tag)
    {
        if (_elements.Count <= 8)
        {
            foreach (var e in _elements)
            {
                if (e.Tag == tag)
                    return e;
            }
            return null;
        }
        _index ??= BuildIndex();
        return _index.GetValueOrDefault(tag);
    }

    /// <summary>First non-empty value of a string element, trimmed as PS3.5 6.2 pads; null when absent or empty.</summary>
    public string? GetString(DicomTag tag) => Find(tag) is { } e ? DicomValues.GetFirstString(e) : null;

    /// <summary>Items of a sequence element; empty when absent.</summary>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag) => Find(tag)?.Items ?? [];

    internal void Add(DicomElement element)
    {
        _elements.Add(element);
        _index?.TryAdd(element.Tag, element);
    }

    private Dictionary<DicomTag, DicomElement> BuildIndex()
    {
        var index = new Dictionary<DicomTag, DicomElement>(_elements.Count);
        foreach (var e in _elements)
            index.TryAdd(e.Tag, e);
        return index;
    }
}
