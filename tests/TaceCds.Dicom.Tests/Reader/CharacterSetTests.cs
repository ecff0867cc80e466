using System.Text;
using TaceCds.Dicom.IO;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Reader;

/// <summary>Specific Character Set handling beyond what the DCMTK fixtures cover: code-extension declarations.</summary>
public sealed class CharacterSetTests
{
    private static DicomDataset Read(string charset, byte[] name)
    {
        var padded = charset.Length % 2 == 1 ? charset + " " : charset;
        var bytes = new RawDicomBuilder().Preamble()
            .Short(0x0008, 0x0005, "CS", Encoding.ASCII.GetBytes(padded))
            .Short(0x0010, 0x0010, "PN", name.Length % 2 == 1 ? [.. name, (byte)' '] : name)
            .ToArray();
        using var stream = new MemoryStream(bytes);
        return DicomFileReader.Read(stream).Dataset;
    }

    [Fact]
    public void Iso2022DeclarationWithoutEscapesDecodesAsTheSingleByteSet()
    {
        var ds = Read(@"ISO 2022 IR 6\ISO 2022 IR 100", Encoding.Latin1.GetBytes("Müller^Anna"));
        Assert.Equal("Müller^Anna", ds.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void EscapeSequencesAreRefusedNotGarbled()
    {
        // ESC 2D 41 designates ISO-IR 100 into G1 (PS3.3 C.12.1.1.2, table of ISO 2022 defined terms).
        var ds = Read(@"ISO 2022 IR 6\ISO 2022 IR 100", [0x1B, 0x2D, 0x41, (byte)'M', 0xFC, (byte)'l']);
        var ex = Assert.Throws<DicomFormatException>(() => ds.GetString(DicomTags.PatientName));
        Assert.Equal(DicomErrorCodes.UnsupportedCharacterSet, ex.Code);
        Assert.Equal(ds[DicomTags.PatientName]!.Offset, ex.Offset);
    }

    [Theory]
    [InlineData(@"ISO 2022 IR 6\ISO 2022 IR 87")]
    [InlineData(@"ISO 2022 IR 100\ISO 2022 IR 144")]
    [InlineData("ISO_IR 999")]
    public void UnsupportedSetsGiveDcm202WhenTextIsDecoded(string charset)
    {
        var ds = Read(charset, "Name"u8.ToArray());
        Assert.False(ds.CharacterSet.IsSupported);
        Assert.Equal(DicomErrorCodes.UnsupportedCharacterSet, Assert.Throws<DicomFormatException>(() => ds.GetString(DicomTags.PatientName)).Code);
    }

    [Fact]
    public void CyrillicSingleByteSetDecodes()
    {
        // ISO_IR 144 = ISO 8859-5: 0xBB 0xEE 0xDA 0xE1 0xE2 0xD0 = "Люкста".
        var ds = Read("ISO_IR 144", [0xBB, 0xEE, 0xDA, 0xE1, 0xE2, 0xD0]);
        Assert.Equal("Люкста", ds.GetString(DicomTags.PatientName));
    }
}
