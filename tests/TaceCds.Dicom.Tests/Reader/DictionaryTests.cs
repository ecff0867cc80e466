using System.Globalization;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Reader;

/// <summary>Our implicit-VR dictionary agrees with DCMTK's installed PS3.6 dictionary for every standard tag.</summary>
public sealed class DictionaryTests
{
    [Fact]
    public void DictionaryAgreesWithDcmtk()
    {
        var dic = ExternalTool.Run("dpkg", "-L", "dcmtk", "libdcmtk17").StdOut.Split('\n')
            .FirstOrDefault(l => l.EndsWith("/dicom.dic", StringComparison.Ordinal));
        dic ??= Directory.GetFiles("/usr/share", "dicom.dic", SearchOption.AllDirectories).FirstOrDefault();
        Assert.True(dic is not null && File.Exists(dic), "DCMTK's dicom.dic not found; run tools/install/dicom-tools.sh");
        var special = new Dictionary<string, DicomVR> { ["xs"] = DicomVR.US, ["ox"] = DicomVR.OW, ["lt"] = DicomVR.OW, ["up"] = DicomVR.UL, ["px"] = DicomVR.OW };
        var checkedCount = 0;
        foreach (var line in File.ReadLines(dic))
        {
            if (line.StartsWith('#') || line.Length < 12 || line[0] != '(')
                continue;
            var fields = line.Split('\t');
            var tag = fields[0];
            if (tag.Contains('-', StringComparison.Ordinal) || fields[1] == "na")
                continue; // repeating-group ranges are spot-checked below
            var parsed = new DicomTag(ushort.Parse(tag[1..5], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                ushort.Parse(tag[6..10], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            var expected = special.TryGetValue(fields[1], out var s) ? s : Enum.Parse<DicomVR>(fields[1]);
            Assert.True(expected == DicomDictionary.LookupVR(parsed), $"{tag}: DCMTK {fields[1]}, ours {DicomDictionary.LookupVR(parsed)}");
            checkedCount++;
        }
        Assert.True(checkedCount > 4800, $"only {checkedCount} entries checked");
        // Repeating groups and the pixel-representation rule.
        Assert.Equal(DicomVR.OW, DicomDictionary.LookupVR(new DicomTag(0x6002, 0x3000)));
        Assert.Equal(DicomVR.US, DicomDictionary.LookupVR(new DicomTag(0x6002, 0x0010)));
        Assert.True(DicomDictionary.IsPixelRepresentationDependent(new DicomTag(0x0028, 0x0106)));
        Assert.Equal(DicomVR.LO, DicomDictionary.LookupVR(new DicomTag(0x0029, 0x0010)));
        Assert.Equal(DicomVR.UN, DicomDictionary.LookupVR(new DicomTag(0x0029, 0x1010)));
        Assert.Equal(DicomVR.UL, DicomDictionary.LookupVR(new DicomTag(0x0040, 0x0000)));
    }
}
