using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

/// <summary><c>tacecds import-dicom</c> exit codes (docs/dicom.md): 0 all read, 3 partial, 2 nothing read.</summary>
public sealed class ImportDicomCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tacecds-import-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string DoseReport(string name) => RepoPaths.Conformance("dicom", "ct-dose-sr", name);

    [Fact]
    public void A_folder_with_one_bad_file_imports_the_rest_writes_the_bundle_and_exits_3_partial()
    {
        File.Copy(DoseReport("CT-RDSR-Siemens_Flash-TAP-SS.dcm"), Path.Combine(_dir, "good.dcm"));
        File.WriteAllText(Path.Combine(_dir, "bad.dcm"), "not DICOM at all");
        var bundle = Path.Combine(_dir, "out", "bundle.json");
        Directory.CreateDirectory(Path.GetDirectoryName(bundle)!);

        var run = CliProcess.Run("import-dicom", _dir, "--patient", "p1", "--out", bundle);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Files: 2 (1 read, 1 refused)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("bad.dcm: DCM109", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Partial import: 1 of 2 files refused", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"effective-dose\"", File.ReadAllText(bundle), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_of_good_files_exits_0_and_one_of_bad_files_exits_2()
    {
        File.Copy(DoseReport("CT-RDSR-Siemens_Flash-TAP-SS.dcm"), Path.Combine(_dir, "good.dcm"));
        Assert.Equal(0, CliProcess.Run("import-dicom", Path.Combine(_dir, "good.dcm")).ExitCode);
        File.WriteAllText(Path.Combine(_dir, "bad.dcm"), "not DICOM at all");
        Assert.Equal(2, CliProcess.Run("import-dicom", Path.Combine(_dir, "bad.dcm")).ExitCode);
    }

    [Fact]
    public void Importing_the_same_dose_report_twice_into_a_FHIR_server_creates_it_once_and_the_second_run_says_already_present()
    {
        using var server = new TaceCds.Dicom.Tests.Support.LoopbackFhirServer();
        var report = DoseReport("CT-RDSR-Siemens_Flash-TAP-SS.dcm");

        var first = CliProcess.Run("import-dicom", report, "--patient", "p1", "--fhir-server", server.BaseUrl);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("  created: 11 (ImagingStudy ×1, Observation ×10)", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("  already present, nothing created: 0", first.Stdout, StringComparison.Ordinal);

        var second = CliProcess.Run("import-dicom", report, "--patient", "p1", "--fhir-server", server.BaseUrl);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("  created: 0", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("  already present, nothing created: 11 (ImagingStudy ×1, Observation ×10)", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("FHIR server answered 200 OK", second.Stdout, StringComparison.Ordinal);
        Assert.Single(server.All("ImagingStudy"));
        Assert.Equal(10, server.All("Observation").Count); // CTDIvol ×4, DLP ×5, effective dose ×1: once each
    }
}
