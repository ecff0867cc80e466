using TaceCds.Dicom.IO;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Reader;

public sealed class FirstStringTests
{
    /// <summary>The fast path used by GetString agrees with the full split for every string element of every shared file.</summary>
    [Fact]
    public void FirstStringEqualsFirstNonEmptyOfTheFullSplit()
    {
        var compared = 0;
        foreach (var path in ConformanceFiles.Tid1500Reports.Concat(ConformanceFiles.DoseReports).Concat(GeneratedFixtures.ReadableValueVariants.Select(GeneratedFixtures.Path)))
        {
            Visit(DicomFileReader.ReadFile(path).Dataset);
        }
        Assert.True(compared > 1000);

        void Visit(DicomDataset ds)
        {
            foreach (var e in ds.Elements)
            {
                Assert.Equal(DicomValues.GetStrings(e).FirstOrDefault(s => s.Length > 0), DicomValues.GetFirstString(e));
                compared++;
                foreach (var item in e.Items)
                    Visit(item);
            }
        }
    }

    [Theory]
    [InlineData("\\  \\ B \\C", "B")]
    [InlineData("  A  ", "A")]
    [InlineData("\\\\", null)]
    public void MultiValuedStringsSkipEmptyValues(string value, string? expected)
    {
        var bytes = new RawDicomBuilder().Preamble().Short(0x0008, 0x0008, "CS", System.Text.Encoding.ASCII.GetBytes(value.Length % 2 == 1 ? value + " " : value)).ToArray();
        using var stream = new MemoryStream(bytes);
        Assert.Equal(expected, DicomFileReader.Read(stream).Dataset.GetString(new DicomTag(0x0008, 0x0008)));
    }
}
