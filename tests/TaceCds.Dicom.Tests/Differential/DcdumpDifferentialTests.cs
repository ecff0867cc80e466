using System.Globalization;
using System.Text.RegularExpressions;
using TaceCds.Dicom.IO;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Differential;

/// <summary>
/// Second oracle, dicom3tools: the element walk (every element in file order, nested ones included, with
/// its tag, VR and value length; sequence lengths excepted, see Entry) equals what dcdump lists. This checks the byte-level
/// walk (lengths, items, delimiters) independently of DCMTK. Explicit VR files only: for implicit VR, dcdump and
/// we may name different VRs from different dictionaries.
/// </summary>
public sealed partial class DcdumpDifferentialTests
{
    public static TheoryData<string> ExplicitVRFiles() =>
    [
        .. ConformanceFiles.Tid1500Reports, .. ConformanceFiles.DoseReports,
        .. new[] { "values-explicit.dcm", "values-explicit-undefined.dcm", "values-latin1.dcm", "tace-measurements.dcm" }.Select(GeneratedFixtures.Path),
    ];

    [Theory]
    [MemberData(nameof(ExplicitVRFiles))]
    public void ElementWalkEqualsDcdump(string path)
    {
        var dump = ExternalTool.Run("dcdump", path);
        var theirs = ElementLine().Matches(dump.StdOut + dump.StdErr)
            .Select(m => Entry(m.Groups[1].Value + m.Groups[2].Value, m.Groups[3].Value, uint.Parse(m.Groups[4].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            .ToList();
        var file = DicomFileReader.ReadFile(path);
        var ours = new List<string>();
        Walk(file.Meta, ours);
        Walk(file.Dataset, ours);
        Assert.True(theirs.Count > 20, "dcdump listed almost nothing: " + dump.StdErr);
        var firstDifference = ours.Zip(theirs).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
        Assert.True(ours.Count == theirs.Count && firstDifference.p == default,
            $"{path}: {ours.Count} elements vs dcdump {theirs.Count}; first difference at #{firstDifference.i}: ours '{firstDifference.p.First}' dcdump '{firstDifference.p.Second}'");
    }

    private static void Walk(DicomDataset ds, List<string> into)
    {
        foreach (var e in ds.Elements)
        {
            into.Add(Entry(e.Tag.ToJsonKey(), e.VR.ToString(), e.Length < 0 ? uint.MaxValue : (uint)e.Length));
            foreach (var item in e.Items)
                Walk(item, into);
        }
    }

    // dcdump prints every sequence's length as FFFFFFFF whatever was encoded, so SQ lengths are not compared.
    // A private element written as UN is re-typed by dcdump from its private dictionary: compare tag and length only.
    private static string Entry(string tag, string vr, uint length)
    {
        var t = DicomTag.Parse(tag.ToUpperInvariant());
        if (vr == "SQ")
            return $"{t.ToJsonKey()} SQ";
        return t.IsPrivate ? $"{t.ToJsonKey()} private {length}" : $"{t.ToJsonKey()} {vr} {length}";
    }

    [GeneratedRegex(@"^[\s>]*\(0x([0-9a-f]{4}),0x([0-9a-f]{4})\).*?VR=<(\w\w)>\s+VL=<0x([0-9a-f]+)>", RegexOptions.Multiline)]
    private static partial Regex ElementLine();
}
