using TaceCds.Dicom.Text;

namespace TaceCds.Dicom.IO;

/// <summary>
/// Parses a data set (PS3.5 section 7) with an explicit stack instead of recursion, so hostile nesting ends
/// in DCM103 rather than a stack overflow. Every length is checked against the innermost enclosing defined
/// length and the end of the data before anything is allocated.
/// </summary>
internal sealed class DicomDatasetParser
{
    private const uint UndefinedLength = 0xFFFFFFFF;

    private readonly DicomByteSource _source;
    private readonly DicomReaderOptions _options;
    private readonly Stack<Frame> _stack = new();
    private int _sequenceDepth;

    public DicomDatasetParser(DicomByteSource source, DicomReaderOptions options)
    {
        _source = source;
        _options = options;
    }

    /// <summary>Reads elements into a new data set until the data ends or, when given, the next tag's group differs.</summary>
    public DicomDataset Parse(bool explicitVR, DicomCharacterSet characterSet, ushort? onlyGroup = null)
    {
        var root = new DicomDataset(_source.Position, characterSet);
        _stack.Clear();
        _sequenceDepth = 0;
        _stack.Push(Frame.ForItem(root, end: -1, limit: _source.Length ?? long.MaxValue, explicitVR));
        while (true)
        {
            var top = _stack.Peek();
            var pos = _source.Position;
            if (top.End >= 0 && pos >= top.End)
            {
                if (pos > top.End)
                    throw new DicomFormatException(DicomErrorCodes.LengthPastEnd, pos, $"content runs {pos - top.End} bytes past the end of its {(top.IsSequence ? "sequence" : "item")}");
                Pop();
                continue;
            }
            if (_stack.Count == 1)
            {
                if (_source.AtEnd)
                    return root;
                if (onlyGroup is { } g && _source.Peek(2) is { Length: 2 } next && (next[0] | (next[1] << 8)) != g)
                    return root;
            }
            var tagOffset = pos;
            var tag = new DicomTag(_source.ReadUInt16(), _source.ReadUInt16());
            if (top.IsSequence)
                ReadInSequence(top, tag, tagOffset);
            else
                ReadInDataset(top, tag, tagOffset);
        }
    }

    private void ReadInSequence(Frame seq, DicomTag tag, long tagOffset)
    {
        var length = _source.ReadUInt32();
        if (tag == DicomTags.Item)
        {
            var parentSet = seq.Parent!;
            var item = new DicomDataset(tagOffset, parentSet.CharacterSet);
            seq.Items!.Add(item);
            if (length == UndefinedLength)
            {
                _stack.Push(Frame.ForItem(item, -1, seq.Limit, seq.ExplicitVR));
            }
            else
            {
                var end = CheckedEnd(length, seq.Limit, "item", null);
                _stack.Push(Frame.ForItem(item, end, end, seq.ExplicitVR));
            }
            return;
        }
        if (tag == DicomTags.SequenceDelimitationItem && seq.End < 0)
        {
            Pop();
            return;
        }
        throw new DicomFormatException(DicomErrorCodes.UnexpectedTag, tagOffset,
            $"expected an item (FFFE,E000) in the sequence started at byte {seq.StartOffset}, found {tag}");
    }

    private void ReadInDataset(Frame frame, DicomTag tag, long tagOffset)
    {
        if (tag.Group == 0xFFFE)
        {
            var delimiterLength = _source.ReadUInt32();
            if (tag == DicomTags.ItemDelimitationItem && frame.End < 0 && _stack.Count > 1)
            {
                Pop();
                return;
            }
            throw new DicomFormatException(DicomErrorCodes.UnexpectedTag, tagOffset,
                $"{tag} (length {delimiterLength}) is not allowed here");
        }

        DicomVR vr;
        uint length;
        if (frame.ExplicitVR)
        {
            var a = _source.ReadByte();
            var b = _source.ReadByte();
            if (!DicomVRInfo.TryParse(a, b, out vr))
                throw new DicomFormatException(DicomErrorCodes.InvalidVR, tagOffset + 4, $"{tag} has VR bytes 0x{a:X2} 0x{b:X2}, not a DICOM VR");
            if (DicomVRInfo.HasLongLength(vr))
            {
                _source.ReadUInt16();
                length = _source.ReadUInt32();
            }
            else
            {
                length = _source.ReadUInt16();
            }
        }
        else
        {
            vr = DicomDictionary.LookupVR(tag);
            if (vr == DicomVR.US && DicomDictionary.IsPixelRepresentationDependent(tag) && IsSignedPixelData(frame.Dataset!))
                vr = DicomVR.SS;
            length = _source.ReadUInt32();
        }
        if (_source.Position > frame.Limit)
            throw new DicomFormatException(DicomErrorCodes.LengthPastEnd, tagOffset, $"{tag} header crosses the end of its item");

        var dataset = frame.Dataset!;
        if (length == UndefinedLength)
        {
            ReadUndefinedLength(frame, dataset, tag, vr, tagOffset);
            return;
        }
        if (vr == DicomVR.SQ)
        {
            var end = CheckedEnd(length, frame.Limit, "sequence", tag);
            PushSequence(dataset, tag, vr, tagOffset, end, end, length, frame.ExplicitVR);
            return;
        }
        CheckedEnd(length, frame.Limit, "element", tag);
        if (IsPixelData(tag) || (DicomVRInfo.IsBulkBinary(vr) && length > _options.BulkDataThreshold))
        {
            _source.Skip(length);
            dataset.Add(new DicomElement(tag, vr, tagOffset, length, null, dataset.CharacterSet) { IsSkippedBulkData = true });
            return;
        }
        if (length > _options.MaxValueLength)
            throw new DicomFormatException(DicomErrorCodes.ValueTooLarge, tagOffset, $"{tag} value of {length} bytes exceeds the {_options.MaxValueLength}-byte limit");
        var bytes = length == 0 ? [] : _source.ReadBytes(length);
        var element = new DicomElement(tag, vr, tagOffset, length, bytes, dataset.CharacterSet);
        dataset.Add(element);
        if (tag == DicomTags.SpecificCharacterSet)
        {
            dataset.CharacterSet = DicomCharacterSet.FromSpecificCharacterSet(DicomValues.GetStrings(element));
        }
    }

    private void ReadUndefinedLength(Frame frame, DicomDataset dataset, DicomTag tag, DicomVR vr, long tagOffset)
    {
        if (vr == DicomVR.SQ)
        {
            PushSequence(dataset, tag, vr, tagOffset, -1, frame.Limit, -1, frame.ExplicitVR);
            return;
        }
        if (IsPixelData(tag) && vr is DicomVR.OB or DicomVR.OW or DicomVR.UN)
        {
            var fragments = SkipEncapsulatedFragments(frame.Limit);
            dataset.Add(new DicomElement(tag, vr, tagOffset, -1, null, dataset.CharacterSet) { IsSkippedBulkData = true, FragmentCount = fragments });
            return;
        }
        if (vr == DicomVR.UN)
        {
            // PS3.5 6.2.2: UN with undefined length is a sequence, always encoded implicit VR little endian.
            PushSequence(dataset, tag, vr, tagOffset, -1, frame.Limit, -1, explicitVR: false);
            return;
        }
        throw new DicomFormatException(DicomErrorCodes.UndefinedLengthNotAllowed, tagOffset, $"{tag} {vr} has undefined length");
    }

    private int SkipEncapsulatedFragments(long limit)
    {
        var count = 0;
        while (true)
        {
            var offset = _source.Position;
            var tag = new DicomTag(_source.ReadUInt16(), _source.ReadUInt16());
            var length = _source.ReadUInt32();
            if (tag == DicomTags.SequenceDelimitationItem)
                return count;
            if (tag != DicomTags.Item || length == UndefinedLength)
                throw new DicomFormatException(DicomErrorCodes.UnexpectedTag, offset, $"expected a pixel data fragment item, found {tag} length {length}");
            CheckedEnd(length, limit, "pixel data fragment", null);
            _source.Skip(length);
            count++;
        }
    }

    private void PushSequence(DicomDataset dataset, DicomTag tag, DicomVR vr, long tagOffset, long end, long limit, long length, bool explicitVR)
    {
        if (++_sequenceDepth > _options.MaxSequenceDepth)
            throw new DicomFormatException(DicomErrorCodes.NestingTooDeep, tagOffset, $"sequences nested more than {_options.MaxSequenceDepth} deep");
        var items = new List<DicomDataset>();
        dataset.Add(new DicomElement(tag, vr, tagOffset, length, null, dataset.CharacterSet) { MutableItems = items });
        _stack.Push(Frame.ForSequence(dataset, items, tagOffset, end, limit, explicitVR));
    }

    private void Pop()
    {
        if (_stack.Pop().IsSequence)
            _sequenceDepth--;
    }

    // The message is built only on failure: this runs for every element.
    private long CheckedEnd(uint length, long limit, string what, DicomTag? tag)
    {
        var end = _source.Position + length;
        if (end > limit)
            throw new DicomFormatException(DicomErrorCodes.LengthPastEnd, _source.Position,
                $"{what}{(tag is { } t ? " " + t : "")} length {length} goes past the end of its enclosing item or of the data ({limit - _source.Position} bytes left)");
        return end;
    }

    private static bool IsSignedPixelData(DicomDataset dataset) =>
        dataset.Find(new DicomTag(0x0028, 0x0103)) is { Bytes: { Length: 2 } b } && b[0] == 1 && b[1] == 0;

    private static bool IsPixelData(DicomTag tag) =>
        tag == DicomTags.PixelData || tag == DicomTags.FloatPixelData || tag == DicomTags.DoubleFloatPixelData;

    /// <summary>One open sequence or item. Limit is the nearest enclosing defined end (or the end of the data).</summary>
    private sealed record Frame(bool IsSequence, DicomDataset? Dataset, DicomDataset? Parent, List<DicomDataset>? Items,
        long StartOffset, long End, long Limit, bool ExplicitVR)
    {
        public static Frame ForItem(DicomDataset dataset, long end, long limit, bool explicitVR) =>
            new(false, dataset, null, null, dataset.Offset, end, limit, explicitVR);

        public static Frame ForSequence(DicomDataset parent, List<DicomDataset> items, long start, long end, long limit, bool explicitVR) =>
            new(true, null, parent, items, start, end, limit, explicitVR);
    }
}
