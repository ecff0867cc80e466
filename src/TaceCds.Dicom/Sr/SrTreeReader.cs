using System.Globalization;

namespace TaceCds.Dicom.Sr;

/// <summary>
/// Builds the content tree of an SR document (PS3.3 C.17.3) from a parsed data set. Recursion follows the
/// data set's nesting, which the reader already caps (DicomReaderOptions.MaxSequenceDepth), so it cannot
/// overflow the stack. Lenient where DCMTK's dsr2xml is with -Ev (missing values become null), strict where
/// the tree would be meaningless (no value type: DCM302; dangling by-reference target: DCM303).
/// </summary>
public static class SrTreeReader
{
    public static SrDocument Read(DicomFile file) => Read(file.Dataset);

    public static SrDocument Read(DicomDataset dataset)
    {
        if (dataset.GetString(DicomTags.ValueType) != "CONTAINER" || !dataset.Contains(DicomTags.ContentSequence) && !dataset.Contains(DicomTags.ConceptNameCodeSequence))
            throw new DicomFormatException(DicomErrorCodes.NotStructuredReport, dataset.Offset,
                "not an SR document: the root has no CONTAINER value type and content");
        var byId = new Dictionary<string, SrContentItem>(StringComparer.Ordinal);
        var root = ReadItem(dataset, "1", relationship: null, byId);
        foreach (var item in byId.Values)
        {
            if (item.ReferencedId is { } target && !byId.ContainsKey(target))
                throw new DicomFormatException(DicomErrorCodes.BadReference, item.Offset,
                    $"content item {item.Id} references {target}, which does not exist");
        }
        return new SrDocument(dataset, root, byId);
    }

    private static SrContentItem ReadItem(DicomDataset ds, string id, string? relationship, Dictionary<string, SrContentItem> byId)
    {
        SrContentItem item;
        var valueTypeText = ds.GetString(DicomTags.ValueType);
        if (valueTypeText is null && ds.Find(DicomTags.ReferencedContentItemIdentifier) is { } refElement)
        {
            var path = DicomValues.GetNumbers(refElement);
            if (path.Length == 0)
                throw new DicomFormatException(DicomErrorCodes.BadContentItem, refElement.Offset, $"content item {id}: empty Referenced Content Item Identifier");
            item = new SrContentItem(id, ds.Offset)
            {
                RelationshipType = relationship,
                ReferencedId = string.Join('.', path.Select(p => ((long)p).ToString(CultureInfo.InvariantCulture))),
            };
        }
        else
        {
            if (!SrValueTypes.TryParse(valueTypeText, out var valueType))
                throw new DicomFormatException(DicomErrorCodes.BadContentItem, ds.Offset,
                    $"content item {id}: value type '{valueTypeText}' is missing or unknown");
            item = new SrContentItem(id, ds.Offset)
            {
                RelationshipType = relationship,
                ValueType = valueType,
                ConceptName = SrCode.FromSequence(ds, DicomTags.ConceptNameCodeSequence),
                Text = valueType switch
                {
                    SrValueType.Text => ds.GetString(DicomTags.TextValue),
                    SrValueType.UidRef => ds.GetString(DicomTags.Uid),
                    SrValueType.PName => ds.GetString(DicomTags.PersonName),
                    SrValueType.Date => ds.GetString(DicomTags.Date),
                    SrValueType.Time => ds.GetString(DicomTags.Time),
                    SrValueType.DateTime => ds.GetString(DicomTags.DateTime),
                    _ => null,
                },
                Code = valueType == SrValueType.Code ? SrCode.FromSequence(ds, DicomTags.ConceptCodeSequence) : null,
                Numeric = valueType == SrValueType.Num ? ReadNumeric(ds) : null,
                Reference = valueType is SrValueType.Composite or SrValueType.Image or SrValueType.Waveform ? ReadReference(ds) : null,
                Coordinates = valueType switch
                {
                    SrValueType.Scoord or SrValueType.Scoord3D => ReadSpatial(ds),
                    SrValueType.Tcoord => ReadTemporal(ds),
                    _ => null,
                },
                Continuity = valueType == SrValueType.Container ? ds.GetString(DicomTags.ContinuityOfContent) : null,
            };
        }
        byId[id] = item;
        var content = ds.GetSequence(DicomTags.ContentSequence);
        if (content.Count > 0)
        {
            var children = new SrContentItem[content.Count];
            for (var i = 0; i < content.Count; i++)
            {
                var childId = id + "." + (i + 1).ToString(CultureInfo.InvariantCulture);
                children[i] = ReadItem(content[i], childId, content[i].GetString(DicomTags.RelationshipType), byId);
            }
            item.Children = children;
        }
        return item;
    }

    private static SrNumericValue ReadNumeric(DicomDataset ds)
    {
        var qualifier = SrCode.FromSequence(ds, DicomTags.NumericValueQualifierCodeSequence);
        var measured = ds.GetSequence(DicomTags.MeasuredValueSequence);
        if (measured.Count == 0)
            return new SrNumericValue(null, null, null, null, qualifier);
        var mv = measured[0];
        var text = mv.GetString(DicomTags.NumericValue);
        decimal? value = text is null ? null : DicomValues.ParseDecimal(text, mv.Find(DicomTags.NumericValue)!);
        double? floating = mv.Find(DicomTags.FloatingPointValue) is { } fp && DicomValues.GetNumbers(fp) is { Length: > 0 } f ? f[0] : null;
        return new SrNumericValue(text, value, floating, SrCode.FromSequence(mv, DicomTags.MeasurementUnitsCodeSequence),
            qualifier ?? SrCode.FromSequence(mv, DicomTags.NumericValueQualifierCodeSequence));
    }

    private static SrCompositeReference? ReadReference(DicomDataset ds)
    {
        var refs = ds.GetSequence(DicomTags.ReferencedSopSequence);
        if (refs.Count == 0)
            return null;
        var r = refs[0];
        return new SrCompositeReference(r.GetString(DicomTags.ReferencedSopClassUid), r.GetString(DicomTags.ReferencedSopInstanceUid),
            Integers(r, DicomTags.ReferencedFrameNumber), Integers(r, DicomTags.ReferencedSegmentNumber));
    }

    private static SrCoordinates ReadSpatial(DicomDataset ds)
    {
        var points = ds.Find(DicomTags.GraphicData) is { } g ? DicomValues.GetNumbers(g) : [];
        return new SrCoordinates(ds.GetString(DicomTags.GraphicType) ?? "", points, ds.GetString(DicomTags.ReferencedFrameOfReferenceUid), []);
    }

    private static SrCoordinates ReadTemporal(DicomDataset ds)
    {
        var numbers = ds.Find(DicomTags.ReferencedSamplePositions) is { } s ? DicomValues.GetNumbers(s)
            : ds.Find(DicomTags.ReferencedTimeOffsets) is { } t ? DicomValues.GetNumbers(t) : [];
        var dateTimes = ds.Find(DicomTags.ReferencedDateTime) is { } d ? DicomValues.GetStrings(d) : [];
        return new SrCoordinates(ds.GetString(DicomTags.TemporalRangeType) ?? "", numbers, null, dateTimes);
    }

    private static int[] Integers(DicomDataset ds, DicomTag tag) =>
        ds.Find(tag) is { } e ? [.. DicomValues.GetNumbers(e).Where(n => !double.IsNaN(n)).Select(n => (int)n)] : [];
}
