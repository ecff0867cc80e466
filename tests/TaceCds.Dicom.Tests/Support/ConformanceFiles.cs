using TaceCds.Testing;

namespace TaceCds.Dicom.Tests.Support;

/// <summary>The third-party DICOM files the differential tests run on, read in place (never copied into the repo).</summary>
public static class ConformanceFiles
{
    public static string Tid1500Dir => RepoPaths.Conformance("dicom", "tid1500");
    public static string DoseDir => RepoPaths.Conformance("dicom", "ct-dose-sr");

    public static IReadOnlyList<string> Tid1500Reports =>
        [.. Directory.GetFiles(Tid1500Dir, "*.dcm").Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> DoseReports =>
        [.. Directory.GetFiles(DoseDir, "*.dcm").Order(StringComparer.Ordinal)];

    /// <summary>Where Debian's python3-pydicom installs its data folder (asks dpkg, so it follows the package).</summary>
    public static string PydicomDataDir { get; } = FindPydicomData();

    /// <summary>Every file under pydicom's test_files and charset_files, relative to the data folder.</summary>
    public static IReadOnlyList<string> PydicomFiles =>
        [.. new[] { "test_files", "charset_files" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(PydicomDataDir, d), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains("__pycache__", StringComparison.Ordinal) && !f.EndsWith(".py", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(PydicomDataDir, f))
            .Order(StringComparer.Ordinal)];

    private static string FindPydicomData()
    {
        // Ask dpkg rather than python: the python3 on PATH may not be Debian's.
        var r = ExternalTool.Run("dpkg", "-L", "python3-pydicom");
        var testFiles = r.StdOut.Split('\n').FirstOrDefault(l => l.EndsWith("/pydicom/data/test_files", StringComparison.Ordinal));
        if (r.ExitCode != 0 || testFiles is null || !Directory.Exists(testFiles))
            throw new InvalidOperationException("python3-pydicom test files not found; run tools/install/dicom-tools.sh. " + r.StdErr);
        return Path.GetDirectoryName(testFiles)!;
    }
}
