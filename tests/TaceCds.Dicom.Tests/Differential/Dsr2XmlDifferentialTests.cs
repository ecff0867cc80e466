using System.Xml.Linq;
using TaceCds.Dicom.IO;
using TaceCds.Dicom.Sr;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Differential;

/// <summary>Our SR content tree of every SR file equals DCMTK dsr2xml's.</summary>
public sealed class Dsr2XmlDifferentialTests
{
    /// <summary>
    /// dsr2xml's error-handling flags, used only when the strict run fails: -Er accept unknown relationship,
    /// -Ev accept invalid item values (pydicom's reportsi*.dcm reference an image with an unknown SOP class),
    /// -Ec ignore relationship constraints, -Ee warn instead of abort on item errors (the GE/PixelMed dose report has
    /// a CODE item 1.11.1 without Concept Code Sequence). None of them drops content items (-Ei would; not used).
    /// </summary>
    public static readonly string[] LeniencyFlags = ["-Er", "-Ev", "-Ec", "-Ee"];

    private static readonly Lazy<List<string>> s_srPaths = new(() =>
        [.. ConformanceFiles.Tid1500Reports.Concat(ConformanceFiles.DoseReports)
            .Concat(ConformanceFiles.PydicomFiles.Select(f => Path.Combine(ConformanceFiles.PydicomDataDir, f)).Where(IsReadableSr))
            .Concat(GeneratedFixtures.MeasurementReports.Select(GeneratedFixtures.Path))]);

    public static TheoryData<string> SrFiles() => [.. s_srPaths.Value];

    [Fact]
    public void PydicomStructuredReportsAreIncluded()
    {
        // Guards the file discovery: pydicom ships test-SR.dcm and two reportsi files.
        var names = s_srPaths.Value.Select(p => Path.GetFileName(p)).ToList();
        Assert.Contains("test-SR.dcm", names);
        Assert.Contains("reportsi.dcm", names);
        Assert.Equal(7, names.Count(n => n.StartsWith("CT-RDSR", StringComparison.Ordinal) || n.StartsWith("sr_document", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(SrFiles))]
    public void ContentTreeEqualsDsr2Xml(string path)
    {
        var result = ExternalTool.Run("dsr2xml", ["+U8", "+Ec", "+Er", "+Ev", "+Wi", path]);
        if (result.ExitCode != 0)
            result = ExternalTool.Run("dsr2xml", [.. LeniencyFlags, "+U8", "+Ec", "+Er", "+Ev", "+Wi", path]);
        Assert.True(result.ExitCode == 0, $"dsr2xml failed even with leniency flags: {result.StdErr}");

        var ours = SrTreeReader.Read(DicomFileReader.ReadFile(path));
        var diffs = SrXmlComparer.Compare(ours, XDocument.Parse(result.StdOut));
        Assert.True(diffs.Count == 0, $"{path}: {diffs.Count} differences from dsr2xml:\n  " + string.Join("\n  ", diffs.Take(30)));
        Assert.True(ours.Root.DescendantsAndSelf().Count() > 5, "tree suspiciously small: comparison would be vacuous");
    }

    private static bool IsReadableSr(string path)
    {
        try
        {
            return DicomFileReader.ReadFile(path).Dataset.GetString(DicomTags.SopClassUid)?.StartsWith("1.2.840.10008.5.1.4.1.1.88.", StringComparison.Ordinal) == true;
        }
        catch (DicomFormatException)
        {
            return false;
        }
    }
}
