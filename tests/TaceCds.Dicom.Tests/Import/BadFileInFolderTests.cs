using TaceCds.Dicom.Import;
using TaceCds.Dicom.IO;
using TaceCds.Dicom.Sr;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Import;

/// <summary>
/// One bad file never costs a folder (issue 13 row 8): a dose report whose measured values are all empty is read
/// (its NUMs skipped with a reason), an unexpected fault on one file is reported as DCM304 and skipped, and the other
/// files are imported either way.
/// </summary>
public sealed class BadFileInFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tacecds-dicom-folder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Toshiba = "CT-RDSR-ToshibaPixelMed.dcm";
    private const string Siemens = "CT-RDSR-Siemens_Flash-TAP-SS.dcm";

    /// <summary>
    /// The Toshiba dose report with every Measured Value Sequence below the root's children emptied by DCMTK's dcmodify:
    /// the DLP total and each acquisition's Mean CTDIvol and DLP become empty NUMs (dsrdump shows them "=empty").
    /// </summary>
    private string EmptyMeasurementsReport()
    {
        var path = Path.Combine(_dir, "a-empty-ctdivol.dcm");
        File.Copy(Path.Combine(ConformanceFiles.DoseDir, Toshiba), path);
        ExternalTool.RunOk("dcmodify", "-nb",
            "-e", "(0040,a730)[*].(0040,a730)[*].(0040,a730)[*].(0040,a300)[0]",
            "-e", "(0040,a730)[*].(0040,a730)[*].(0040,a300)[0]", path);
        Assert.Contains("\"Mean CTDIvol\")=empty", ExternalTool.RunOk("dsrdump", "-Ee", path), StringComparison.Ordinal);
        return path;
    }

    [Fact]
    public void A_dose_report_whose_first_acquisition_has_an_empty_CTDIvol_is_read_and_its_empty_values_are_skipped()
    {
        var empty = EmptyMeasurementsReport();
        File.Copy(Path.Combine(ConformanceFiles.DoseDir, Siemens), Path.Combine(_dir, "b-siemens.dcm"));

        var result = DicomImporter.Import([_dir], "p1", ConceptMap.Default);

        Assert.Equal(2, result.FilesRead);
        Assert.False(result.IsPartial);
        var emptyFile = result.Files.Single(f => f.Path == empty);
        Assert.Equal(ImagingReportKind.CtRadiationDose, emptyFile.Kind);
        Assert.Equal(0, emptyFile.Measurements);
        Assert.Contains(emptyFile.Skipped, s => s.Concept.Contains("Mean CTDIvol", StringComparison.Ordinal) && s.Reason == "NUM without a numeric value");
        // The Siemens report is imported as alone: its DLP total, CTDIvol values and computed effective dose.
        var siemens = result.Files.Single(f => f.Path.EndsWith("b-siemens.dcm", StringComparison.Ordinal));
        Assert.True(siemens.Measurements > 2);
        Assert.Single(result.Measurements, m => m.TaceCdsCode == "effective-dose");
    }

    [Fact]
    public void An_unexpected_fault_on_one_file_is_reported_as_DCM304_and_the_rest_of_the_folder_is_imported()
    {
        File.Copy(Path.Combine(ConformanceFiles.DoseDir, Toshiba), Path.Combine(_dir, "a-toshiba.dcm"));
        File.Copy(Path.Combine(ConformanceFiles.DoseDir, Siemens), Path.Combine(_dir, "b-siemens.dcm"));
        var faulty = SrTreeReader.Read(DicomFileReader.ReadFile(Path.Combine(_dir, "a-toshiba.dcm"))).SopInstanceUid;

        var result = DicomImporter.Import([_dir], "p1", ConceptMap.Default, null, (doc, map) =>
            doc.SopInstanceUid == faulty ? throw new InvalidOperationException("simulated fault") : ImagingReportExtractor.Extract(doc, map));

        Assert.True(result.IsPartial);
        var failed = result.Files.Single(f => !f.WasRead);
        Assert.EndsWith("a-toshiba.dcm", failed.Path, StringComparison.Ordinal);
        Assert.Equal(DicomErrorCodes.MappingFailed, failed.ErrorCode);
        Assert.DoesNotContain("simulated fault", failed.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.FilesRead);
        Assert.Single(result.Measurements, m => m.TaceCdsCode == "effective-dose");
        Assert.Contains("Files: 2 (1 read, 1 refused)", ImportSummary.Format(result), StringComparison.Ordinal);
        Assert.Contains("DCM304", ImportSummary.Format(result), StringComparison.Ordinal);
    }
}
