using TaceCds.Dicom.Text;

namespace TaceCds.Dicom.IO;

/// <summary>
/// Reads a DICOM Part 10 file (PS3.10 7.1: 128-byte preamble, "DICM", group 0002 in explicit VR little
/// endian, then the data set in the transfer syntax the meta header names). Like DCMTK it also accepts a
/// bare data set without preamble and meta header, working out implicit/explicit VR from the first element.
/// </summary>
public static class DicomFileReader
{
    public static DicomFile ReadFile(string path, DicomReaderOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, options);
    }

    public static DicomFile Read(Stream stream, DicomReaderOptions? options = null)
    {
        options ??= DicomReaderOptions.Default;
        var source = new DicomByteSource(stream);
        var parser = new DicomDatasetParser(source, options);

        var head = source.Peek(132);
        var hasPreamble = head.Length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        if (hasPreamble)
            source.Skip(132);

        var meta = new DicomDataset(source.Position, DicomCharacterSet.Default);
        if (NextGroup(source) == 0x0002)
            meta = parser.Parse(GuessExplicitVR(source), DicomCharacterSet.Default, onlyGroup: 0x0002);

        DicomTransferSyntax syntax;
        if (meta.GetString(DicomTags.TransferSyntaxUid) is { } uid)
        {
            syntax = DicomTransferSyntax.FromUid(uid);
        }
        else
        {
            if (!hasPreamble && meta.Elements.Count == 0 && !LooksLikeDataset(source))
                throw source.Error(DicomErrorCodes.NotDicom, "no DICM prefix and the data does not start with a DICOM element");
            syntax = GuessTransferSyntax(source);
        }
        if (!syntax.Supported)
            throw source.Error(DicomErrorCodes.UnsupportedTransferSyntax, $"transfer syntax {syntax.Uid} ({syntax.Name}) is not supported; only little endian, non-deflated syntaxes are read");

        var dataset = parser.Parse(syntax.ExplicitVR, DicomCharacterSet.Default);
        return new DicomFile(hasPreamble, meta, syntax, dataset);
    }

    private static int NextGroup(DicomByteSource source)
    {
        var b = source.Peek(2);
        return b.Length < 2 ? -1 : b[0] | (b[1] << 8);
    }

    private static bool GuessExplicitVR(DicomByteSource source)
    {
        var b = source.Peek(6);
        return b.Length == 6 && DicomVRInfo.TryParse(b[4], b[5], out _);
    }

    private static DicomTransferSyntax GuessTransferSyntax(DicomByteSource source)
    {
        var b = source.Peek(6);
        if (b.Length < 6)
            return DicomTransferSyntax.ExplicitVRLittleEndian;
        // A big endian data set starts with a group like 0x0008 written 00 08: read little endian that is 0x0800.
        if (b[0] == 0 && b[1] is > 0 and <= 0x28 && b[1] % 2 == 0 && DicomVRInfo.TryParse(b[4], b[5], out _))
            return DicomTransferSyntax.FromUid(DicomTransferSyntax.ExplicitVRBigEndianUid);
        return DicomVRInfo.TryParse(b[4], b[5], out _) ? DicomTransferSyntax.ExplicitVRLittleEndian : DicomTransferSyntax.ImplicitVRLittleEndian;
    }

    /// <summary>A bare data set starts with a low even group (0008 in practice); anything else is not DICOM.</summary>
    private static bool LooksLikeDataset(DicomByteSource source)
    {
        var b = source.Peek(8);
        if (b.Length < 8)
            return false;
        var group = b[0] | (b[1] << 8);
        var bigEndianGroup = (b[0] << 8) | b[1];
        return group is >= 0x0002 and <= 0x0028 || bigEndianGroup is >= 0x0002 and <= 0x0028;
    }
}
