using TaceCds.Testing;

namespace TaceCds.Dicom.Tests.Support;

/// <summary>
/// DICOM fixtures made at test time by DCMTK (dump2dcm, dcmconv, xml2dsr) from the source texts in Fixtures/ —
/// never by our own code, so a bug in our reader cannot be mirrored by a bug in a writer. Generated once per
/// test run into a temporary folder.
/// </summary>
public static class GeneratedFixtures
{
    private static readonly Lazy<string> s_dir = new(Generate);

    public static string Dir => s_dir.Value;

    public static string Path(string name) => System.IO.Path.Combine(Dir, name);

    /// <summary>The values-utf8.dump data set in each encoding the reader must handle: name → file.</summary>
    public static IReadOnlyList<string> ReadableValueVariants { get; } =
    [
        "values-explicit.dcm", "values-implicit.dcm", "values-explicit-undefined.dcm", "values-implicit-undefined.dcm",
        "values-latin1.dcm", "values-latin1-implicit.dcm", "values-dataset-only-implicit.dcm",
    ];

    public static IReadOnlyList<string> MeasurementReports { get; } = ["tace-measurements.dcm", "tace-measurements-implicit.dcm"];

    private static string Source(string name) => RepoPaths.InRepo("tests", "TaceCds.Dicom.Tests", "Fixtures", name);

    private static string Generate()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tacecds-dicom-fixtures-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a leftover temp folder is harmless.
            }
        };
        string Out(string n) => System.IO.Path.Combine(dir, n);
        var values = Source("values-utf8.dump");
        ExternalTool.RunOk("dump2dcm", "+te", values, Out("values-explicit.dcm"));
        ExternalTool.RunOk("dump2dcm", "+ti", values, Out("values-implicit.dcm"));
        ExternalTool.RunOk("dump2dcm", "+te", "-e", values, Out("values-explicit-undefined.dcm"));
        ExternalTool.RunOk("dump2dcm", "+ti", "-e", values, Out("values-implicit-undefined.dcm"));
        ExternalTool.RunOk("dump2dcm", "-F", "+ti", values, Out("values-dataset-only-implicit.dcm"));
        ExternalTool.RunOk("dump2dcm", "+tb", values, Out("values-bigendian.dcm"));
        ExternalTool.RunOk("dump2dcm", "+td", values, Out("values-deflated.dcm"));
        ExternalTool.RunOk("dcmconv", "+L1", Out("values-explicit.dcm"), Out("values-latin1.dcm"));
        ExternalTool.RunOk("dcmconv", "+ti", "+L1", Out("values-explicit.dcm"), Out("values-latin1-implicit.dcm"));

        var report = Source("tace-measurements.xml");
        ExternalTool.RunOk("xml2dsr", report, Out("tace-measurements.dcm"));
        ExternalTool.RunOk("xml2dsr", "+ti", "-e", report, Out("tace-measurements-implicit.dcm"));

        // 8 MB of pixel data: the raw bytes are written here, the DICOM file by dump2dcm (run in dir so =file resolves).
        File.WriteAllBytes(Out("large-pixel-data.raw"), new byte[8_000_000]);
        File.Copy(Source("large-pixel-data.dump"), Out("large-pixel-data.dump"), overwrite: true);
        var r = ExternalTool.RunIn(dir, "dump2dcm", "+te", "large-pixel-data.dump", "large-pixel-data.dcm");
        if (r.ExitCode != 0)
            throw new InvalidOperationException("dump2dcm large-pixel-data failed: " + r.StdErr);
        return dir;
    }
}
