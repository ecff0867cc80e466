using System.Globalization;
using System.Text.RegularExpressions;
using TaceCds.Dicom.IO;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Sr;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Mapping;

/// <summary>TID 10011: the DLP total we extract equals what DCMTK's dsrdump shows, for every vendor's dose report.</summary>
public sealed partial class DoseReportMappingTests
{
    public static TheoryData<string> DoseReports() => [.. ConformanceFiles.DoseReports];

    [Theory]
    [MemberData(nameof(DoseReports))]
    public void DlpTotalEqualsDsrdump(string path)
    {
        // -Ee: the GE/PixelMed report has an invalid CODE item that would otherwise stop dsrdump.
        var dump = ExternalTool.RunOk("dsrdump", "-Ee", path);
        var totals = DlpTotalLine().Matches(dump).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var ctdi = CtdiVolLine().Matches(dump).Select(m => decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Single(totals);
        Assert.NotEmpty(ctdi);

        var report = ImagingReportExtractor.Extract(SrTreeReader.Read(DicomFileReader.ReadFile(path)), ConceptMap.Default);
        Assert.Equal(ImagingReportKind.CtRadiationDose, report.Kind);
        var total = Assert.Single(report.Measurements, m => m.TaceCdsCode == "ct-dlp" && m.Concept.Is("DCM", "113813"));
        Assert.Equal(totals[0], total.Value);
        Assert.Equal("mGy.cm", total.Unit!.Value);

        Assert.Equal(ctdi, report.Measurements.Where(m => m.TaceCdsCode == "ct-ctdivol").Select(m => m.Value));
        Assert.All(report.Measurements.Where(m => m.TaceCdsCode == "ct-ctdivol"), m => Assert.Contains("CT acquisition", m.Note, StringComparison.Ordinal));

        // Every NUM is accounted for: mapped (the effective dose is derived, not an SR item) or skipped with a reason.
        var doc = SrTreeReader.Read(DicomFileReader.ReadFile(path));
        var nums = doc.Root.DescendantsAndSelf().Count(i => i.ValueType == SrValueType.Num);
        Assert.Equal(nums, report.Measurements.Count(m => m.TaceCdsCode != "effective-dose") + report.Skipped.Count(s => !s.Reason.StartsWith("effective dose not computed", StringComparison.Ordinal)));

        var effective = Assert.Single(report.Measurements, m => m.TaceCdsCode == "effective-dose");
        Assert.Equal(totals[0] * 0.015m, effective.Value);
        Assert.Equal("mSv", effective.Unit!.Value);
        Assert.Contains("0.015", effective.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void SiemensVendorUnitIsReadAsUcumAndSaysSo()
    {
        var report = ImagingReportExtractor.Extract(SrTreeReader.Read(DicomFileReader.ReadFile(
            Path.Combine(ConformanceFiles.DoseDir, "CT-RDSR-Siemens_Flash-TAP-SS.dcm"))), ConceptMap.Default);
        var total = Assert.Single(report.Measurements, m => m.Concept.Is("DCM", "113813"));
        Assert.Equal("mGy.cm", total.Unit!.Value);
        Assert.Contains("'mGycm'", total.Note, StringComparison.Ordinal);
    }

    [GeneratedRegex("\"CT Dose Length Product Total\"\\)=\"([-0-9.eE+]+)\"")]
    private static partial Regex DlpTotalLine();

    [GeneratedRegex("\"Mean CTDIvol\"\\)=\"([-0-9.eE+]+)\"")]
    private static partial Regex CtdiVolLine();
}
