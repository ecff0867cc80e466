using System.Text.Json;
using TaceCds.Dicom.IO;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Differential;

/// <summary>Our parse of every conformance file equals DCMTK dcm2json's (meta header included via +m).</summary>
public sealed class Dcm2JsonDifferentialTests
{
    public static TheoryData<string> SharedConformanceFiles() =>
        [.. ConformanceFiles.Tid1500Reports.Concat(ConformanceFiles.DoseReports)];

    public static TheoryData<string> PydicomFiles() => [.. ConformanceFiles.PydicomFiles];

    [Theory]
    [MemberData(nameof(SharedConformanceFiles))]
    public void SharedStructuredReportsParseLikeDcmtk(string path) => AssertSameAsDcm2Json(path);

    [Theory]
    [MemberData(nameof(PydicomFiles))]
    public void PydicomTestFilesParseLikeDcmtkOrAreListed(string relative)
    {
        try
        {
            CheckPydicomFile(relative);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{relative}: {e.GetType().Name}: {e.Message}", e);
        }
    }

    private static void CheckPydicomFile(string relative)
    {
        var path = Path.Combine(ConformanceFiles.PydicomDataDir, relative);
        if (PydicomSkipList.IsNotDicom(relative))
        {
            // Still must not crash: either refused with a code or (a text file that happens to parse) nothing worse.
            AssertOnlyFormatErrors(path);
            return;
        }
        var dcmtk = ExternalTool.Run("dcm2json", "+m", path);
        if (PydicomSkipList.DcmtkRejects.TryGetValue(relative, out var reject))
        {
            Assert.True(dcmtk.ExitCode != 0, $"{relative} is on the DCMTK-rejects list but dcm2json now reads it");
            if (reject.OurCode is { } expected)
                AssertRefused(path, expected);
            else
                AssertOnlyFormatErrors(path);
            return;
        }
        if (dcmtk.ExitCode != 0)
        {
            Assert.True(dcmtk.StdErr.Contains("compressed pixel data", StringComparison.Ordinal),
                $"{relative}: dcm2json failed and the file is on no list: {dcmtk.StdErr}");
            var file = DicomFileReader.ReadFile(path);
            var pixels = file.Dataset.Find(DicomTags.PixelData);
            Assert.NotNull(pixels);
            Assert.True(pixels.IsSkippedBulkData && pixels.FragmentCount > 0, $"{relative}: encapsulated pixel data not recognised");
            return;
        }
        if (PydicomSkipList.WeRefuse.TryGetValue(relative, out var code))
        {
            AssertRefused(path, code);
            return;
        }
        AssertSameAsDcm2Json(path, dcmtk.StdOut);
    }

    internal static void AssertSameAsDcm2Json(string path, string? json = null)
    {
        json ??= ExternalTool.RunOk("dcm2json", "+m", path);
        var ours = DicomFileReader.ReadFile(path);
        using var doc = JsonDocument.Parse(json);
        var merged = Merge(ours.Meta, ours.Dataset);
        var diffs = DicomJsonComparer.Compare(merged, doc.RootElement, implicitVR: !ours.TransferSyntax.ExplicitVR);
        Assert.True(diffs.Count == 0, $"{path}: {diffs.Count} differences from dcm2json:\n  " + string.Join("\n  ", diffs.Take(30)));
        Assert.True(doc.RootElement.EnumerateObject().Count() > 3, "dcm2json produced almost nothing — comparison would be vacuous");
    }

    private static void AssertRefused(string path, string code)
    {
        var ex = Assert.Throws<DicomFormatException>(() => ReadAndDecodeAll(path));
        Assert.Equal(code, ex.Code);
    }

    private static void AssertOnlyFormatErrors(string path)
    {
        try
        {
            ReadAndDecodeAll(path);
        }
        catch (DicomFormatException)
        {
        }
    }

    /// <summary>Reads the file and decodes every string, so character-set errors surface too.</summary>
    internal static void ReadAndDecodeAll(string path)
    {
        var file = DicomFileReader.ReadFile(path);
        Visit(file.Dataset);

        static void Visit(DicomDataset ds)
        {
            foreach (var e in ds.Elements)
            {
                DicomValues.GetStrings(e);
                foreach (var item in e.Items)
                    Visit(item);
            }
        }
    }

    /// <summary>dcm2json +m prints meta and data set as one object.</summary>
    private static DicomDataset Merge(DicomDataset meta, DicomDataset dataset)
    {
        var merged = new DicomDataset(0, dataset.CharacterSet);
        foreach (var e in meta.Elements.Concat(dataset.Elements))
            merged.Add(e);
        return merged;
    }
}
