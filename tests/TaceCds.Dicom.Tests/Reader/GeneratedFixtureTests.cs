using TaceCds.Dicom.IO;
using TaceCds.Dicom.Tests.Differential;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Reader;

/// <summary>The DCMTK-generated encodings of one data set: each parses like dcm2json and decodes to the values written.</summary>
public sealed class GeneratedFixtureTests
{
    public static TheoryData<string> Variants() => [.. GeneratedFixtures.ReadableValueVariants];

    [Theory]
    [MemberData(nameof(Variants))]
    public void VariantParsesLikeDcm2Json(string name) =>
        Dcm2JsonDifferentialTests.AssertSameAsDcm2Json(GeneratedFixtures.Path(name));

    public static TheoryData<string> Reports() => [.. GeneratedFixtures.MeasurementReports];

    [Theory]
    [MemberData(nameof(Reports))]
    public void GeneratedMeasurementReportParsesLikeDcm2Json(string name) =>
        Dcm2JsonDifferentialTests.AssertSameAsDcm2Json(GeneratedFixtures.Path(name));

    [Theory]
    [MemberData(nameof(Variants))]
    public void VariantDecodesToTheValuesInTheSource(string name)
    {
        var file = DicomFileReader.ReadFile(GeneratedFixtures.Path(name));
        var ds = file.Dataset;
        Assert.Equal(name.Contains("implicit", StringComparison.Ordinal), !file.TransferSyntax.ExplicitVR);
        Assert.Equal(name.Contains("latin1", StringComparison.Ordinal) ? "ISO_IR 100" : "ISO_IR 192", ds.CharacterSet.Term);
        Assert.Equal("Buc^Jérôme=Ideo^Graphic", ds.GetString(DicomTags.PatientName));
        Assert.Equal("PAT-Ü1", ds.GetString(DicomTags.PatientId));
        Assert.Equal([1.25, -35.0, 0.0], DicomValues.GetNumbers(ds[new DicomTag(0x0018, 0x0088)]!));
        Assert.Equal([-120.5, -80.25, 100.0], DicomValues.GetNumbers(ds[new DicomTag(0x0020, 0x0032)]!));
        Assert.Equal([7.0], DicomValues.GetNumbers(ds[new DicomTag(0x0020, 0x0011)]!));
        Assert.Equal([2.0], DicomValues.GetNumbers(ds[new DicomTag(0x0028, 0x0010)]!));
        Assert.Equal([1.0, 2.0, 3.0], DicomValues.GetNumbers(ds[DicomTags.ReferencedContentItemIdentifier]!));
        Assert.Equal([1.5, 2.25], DicomValues.GetNumbers(ds[DicomTags.GraphicData]!));
        // UT holds one value: the backslash is text, not a separator.
        Assert.Equal(["Text with\\backslash and ümlauts"], DicomValues.GetStrings(ds[DicomTags.TextValue]!));
        Assert.Equal("20240315101530.123456+0100", ds.GetString(new DicomTag(0x0040, 0xA032)));
        Assert.Equal("101530.25", ds.GetString(DicomTags.StudyTime));

        var content = ds.GetSequence(DicomTags.ContentSequence);
        Assert.Equal(2, content.Count);
        Assert.Equal("Première lésion", content[0].GetString(DicomTags.TextValue));
        var measured = content[1].GetSequence(DicomTags.MeasuredValueSequence).Single();
        Assert.Equal("42.7", measured.GetString(DicomTags.NumericValue));
        Assert.Equal([42.7], DicomValues.GetNumbers(measured[DicomTags.FloatingPointValue]!));
        // Items inherit the data set's character set.
        Assert.Same(ds.CharacterSet, content[0].CharacterSet);
    }

    [Theory]
    [InlineData("values-bigendian.dcm", "1.2.840.10008.1.2.2")]
    [InlineData("values-deflated.dcm", "1.2.840.10008.1.2.1.99")]
    public void BigEndianAndDeflatedAreRefusedClearly(string name, string uid)
    {
        var ex = Assert.Throws<DicomFormatException>(() => DicomFileReader.ReadFile(GeneratedFixtures.Path(name)));
        Assert.Equal(DicomErrorCodes.UnsupportedTransferSyntax, ex.Code);
        Assert.Contains(uid, ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Offset > 132, "offset should point after the meta header");
    }

    [Fact]
    public void PixelDataIsSkippedNotBuffered()
    {
        var path = GeneratedFixtures.Path("large-pixel-data.dcm");
        Assert.True(new FileInfo(path).Length > 8_000_000);
        DicomFileReader.ReadFile(path); // warm up (dictionary, JIT)
        var before = GC.GetAllocatedBytesForCurrentThread();
        var file = DicomFileReader.ReadFile(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var pixels = file.Dataset[DicomTags.PixelData]!;
        Assert.True(pixels.IsSkippedBulkData);
        Assert.Null(pixels.Bytes);
        Assert.Equal(8_000_000, pixels.Length);
        Assert.True(allocated < 1_000_000, $"reading allocated {allocated} bytes");
    }

    [Fact]
    public void PixelDataIsSkippedOnNonSeekableStreamsToo()
    {
        using var inner = File.OpenRead(GeneratedFixtures.Path("large-pixel-data.dcm"));
        using var stream = new NonSeekableStream(inner);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var file = DicomFileReader.Read(stream);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(file.Dataset[DicomTags.PixelData]!.IsSkippedBulkData);
        Assert.Equal("Big^Pixels", file.Dataset.GetString(DicomTags.PatientName));
        Assert.True(allocated < 1_000_000, $"reading allocated {allocated} bytes");
    }
}
