using System.Text;
using TaceCds.Dicom.IO;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Reader;

/// <summary>Corrupt and hostile files end in a DicomFormatException with a stable code and an offset — nothing else.</summary>
public sealed class HostileInputTests
{
    private const uint Undefined = 0xFFFFFFFF;

    private static DicomFormatException Refused(byte[] bytes, bool seekable = true)
    {
        using Stream stream = seekable ? new MemoryStream(bytes) : new NonSeekableStream(new MemoryStream(bytes));
        return Assert.Throws<DicomFormatException>(() => DicomFileReader.Read(stream));
    }

    [Fact]
    public void SequencesNested10000DeepStopAtTheDepthLimit()
    {
        var b = new RawDicomBuilder().Preamble();
        for (var i = 0; i < 10_000; i++)
            b.Long(0x0040, 0xA730, "SQ", Undefined).Item(Undefined);
        var bytes = b.ToArray();
        var ex = Refused(bytes);
        Assert.Equal(DicomErrorCodes.NestingTooDeep, ex.Code);
        // The 65th sequence header: 132 preamble + meta element + 64 × (12-byte SQ header + 8-byte item header).
        var metaLength = 8 + "1.2.840.10008.1.2.1\0".Length;
        Assert.Equal(132 + metaLength + 64 * 20, ex.Offset);
    }

    [Fact]
    public void DepthLimitIsConfigurable()
    {
        var b = new RawDicomBuilder().Preamble();
        for (var i = 0; i < 5; i++)
            b.Long(0x0040, 0xA730, "SQ", Undefined).Item(Undefined);
        using var stream = new MemoryStream(b.ToArray());
        var ex = Assert.Throws<DicomFormatException>(() => DicomFileReader.Read(stream, new DicomReaderOptions { MaxSequenceDepth = 3 }));
        Assert.Equal(DicomErrorCodes.NestingTooDeep, ex.Code);
    }

    [Fact]
    public void ValueLengthPastTheEndIsRefusedBeforeAllocating()
    {
        var bytes = new RawDicomBuilder().Preamble().Long(0x0040, 0xA160, "UT", 0x7FFFFFF0, "short"u8.ToArray()).ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Refused(bytes);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        Assert.Equal(DicomErrorCodes.LengthPastEnd, ex.Code);
        Assert.Equal(bytes.Length - 5, ex.Offset);
    }

    [Fact]
    public void LyingLengthOnAStreamOfUnknownLengthRunsOutOfDataWithoutBigAllocation()
    {
        // 10 MB claimed, 1000 bytes present: read in chunks, so it fails having allocated about what was there.
        var bytes = new RawDicomBuilder().Preamble().Long(0x0040, 0xA160, "UT", 10_000_000, new byte[1000]).ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Refused(bytes, seekable: false);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000);
        Assert.Equal(DicomErrorCodes.Truncated, ex.Code);
    }

    [Fact]
    public void ValueOverTheMemoryLimitIsRefusedOnStreamsOfUnknownLength()
    {
        var bytes = new RawDicomBuilder().Preamble().Long(0x0040, 0xA160, "UT", 0x7FFFFFF0, new byte[1000]).ToArray();
        Assert.Equal(DicomErrorCodes.ValueTooLarge, Refused(bytes, seekable: false).Code);
    }

    [Fact]
    public void ItemLongerThanItsSequenceIsRefused()
    {
        var bytes = new RawDicomBuilder().Preamble().Long(0x0040, 0xA730, "SQ", 16).Item(100).Bytes(new byte[120]).ToArray();
        Assert.Equal(DicomErrorCodes.LengthPastEnd, Refused(bytes).Code);
    }

    [Fact]
    public void TruncatedHeaderIsRefused()
    {
        var bytes = new RawDicomBuilder().Preamble().Bytes(0x10, 0x00, 0x10, 0x00, (byte)'P').ToArray();
        var ex = Refused(bytes);
        Assert.Equal(DicomErrorCodes.Truncated, ex.Code);
    }

    [Fact]
    public void UnknownVRIsRefused()
    {
        var bytes = new RawDicomBuilder().Preamble().Short(0x0010, 0x0010, "Q1", "AB"u8.ToArray()).ToArray();
        var ex = Refused(bytes);
        Assert.Equal(DicomErrorCodes.InvalidVR, ex.Code);
    }

    [Fact]
    public void UndefinedLengthOnAStringIsRefused()
    {
        var bytes = new RawDicomBuilder().Preamble().Long(0x0040, 0xA160, "UT", Undefined).ToArray();
        Assert.Equal(DicomErrorCodes.UndefinedLengthNotAllowed, Refused(bytes).Code);
    }

    [Fact]
    public void ElementInsideASequenceWithoutItemIsRefused()
    {
        var bytes = new RawDicomBuilder().Preamble().Long(0x0040, 0xA730, "SQ", Undefined).Short(0x0010, 0x0010, "PN", "AB"u8.ToArray()).ToArray();
        Assert.Equal(DicomErrorCodes.UnexpectedTag, Refused(bytes).Code);
    }

    [Fact]
    public void UnterminatedUndefinedLengthSequenceIsTruncation()
    {
        var bytes = new RawDicomBuilder().Preamble().Long(0x0040, 0xA730, "SQ", Undefined).Item(Undefined).ToArray();
        Assert.Equal(DicomErrorCodes.Truncated, Refused(bytes).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello, this is not DICOM at all")]
    public void NonDicomIsRefused(string text)
    {
        var ex = Refused(Encoding.ASCII.GetBytes(text));
        Assert.Equal(DicomErrorCodes.NotDicom, ex.Code);
    }

    [Fact]
    public void HugeBinaryValuesAreSkippedAboveTheThreshold()
    {
        var bytes = new RawDicomBuilder().Preamble().Long(0x0009, 0x1010, "OB", 4096, new byte[4096]).Short(0x0010, 0x0010, "PN", "AB"u8.ToArray()).ToArray();
        using var stream = new MemoryStream(bytes);
        var file = DicomFileReader.Read(stream, new DicomReaderOptions { BulkDataThreshold = 1024 });
        Assert.True(file.Dataset[new DicomTag(0x0009, 0x1010)]!.IsSkippedBulkData);
        Assert.Equal("AB", file.Dataset.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void NonNumericDecimalStringGivesDcm201WithOffset()
    {
        var bytes = new RawDicomBuilder().Preamble().Short(0x0018, 0x0088, "DS", "1A"u8.ToArray()).ToArray();
        using var stream = new MemoryStream(bytes);
        var element = DicomFileReader.Read(stream).Dataset[new DicomTag(0x0018, 0x0088)]!;
        var ex = Assert.Throws<DicomFormatException>(() => DicomValues.GetNumbers(element));
        Assert.Equal(DicomErrorCodes.BadNumber, ex.Code);
        Assert.Equal(element.Offset, ex.Offset);
    }
}
