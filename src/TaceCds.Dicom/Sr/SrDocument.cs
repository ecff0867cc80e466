namespace TaceCds.Dicom.Sr;

/// <summary>An SR document: the header facts the mapping needs and the content tree.</summary>
public sealed class SrDocument
{
    private readonly Dictionary<string, SrContentItem> _byId;

    internal SrDocument(DicomDataset dataset, SrContentItem root, Dictionary<string, SrContentItem> byId)
    {
        Dataset = dataset;
        Root = root;
        _byId = byId;
        SopClassUid = dataset.GetString(DicomTags.SopClassUid);
        SopInstanceUid = dataset.GetString(DicomTags.SopInstanceUid);
        StudyInstanceUid = dataset.GetString(DicomTags.StudyInstanceUid);
        SeriesInstanceUid = dataset.GetString(DicomTags.SeriesInstanceUid);
        PatientId = dataset.GetString(DicomTags.PatientId);
        StudyDate = dataset.GetString(DicomTags.StudyDate);
        StudyTime = dataset.GetString(DicomTags.StudyTime);
        ContentDate = dataset.GetString(DicomTags.ContentDate);
        ContentTime = dataset.GetString(DicomTags.ContentTime);
        TimezoneOffset = dataset.GetString(new DicomTag(0x0008, 0x0201));
        var template = dataset.GetSequence(new DicomTag(0x0040, 0xA504));
        TemplateIdentifier = template.Count > 0 ? template[0].GetString(new DicomTag(0x0040, 0xDB00)) : null;
    }

    public DicomDataset Dataset { get; }
    public SrContentItem Root { get; }
    public string? SopClassUid { get; }
    public string? SopInstanceUid { get; }
    public string? StudyInstanceUid { get; }
    public string? SeriesInstanceUid { get; }
    public string? PatientId { get; }
    public string? StudyDate { get; }
    public string? StudyTime { get; }
    public string? ContentDate { get; }
    public string? ContentTime { get; }

    /// <summary>Timezone Offset From UTC (0008,0201), e.g. "+0100"; null when the file does not say.</summary>
    public string? TimezoneOffset { get; }

    /// <summary>Template Identifier of the root (e.g. "1500", "10011"); many files omit it.</summary>
    public string? TemplateIdentifier { get; }

    public SrContentItem? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The item a by-reference relationship points at (or the item itself when it is not one).</summary>
    public SrContentItem? Resolve(SrContentItem item) => item.ReferencedId is { } target ? FindById(target) : item;
}
