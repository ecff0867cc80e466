namespace TaceCds.Dicom.IO;

/// <summary>
/// How the data set after the meta header is encoded. Only little endian, non-deflated syntaxes are
/// decoded; encapsulated (compressed pixel data) syntaxes are explicit VR little endian for everything
/// but the pixel data, which the reader skips anyway. UIDs: DICOM PS3.6 annex A.
/// </summary>
public sealed record DicomTransferSyntax(string Uid, bool ExplicitVR, bool Supported, string Name)
{
    public const string ImplicitVRLittleEndianUid = "1.2.840.10008.1.2";
    public const string ExplicitVRLittleEndianUid = "1.2.840.10008.1.2.1";
    public const string DeflatedExplicitVRLittleEndianUid = "1.2.840.10008.1.2.1.99";
    public const string ExplicitVRBigEndianUid = "1.2.840.10008.1.2.2";

    public static readonly DicomTransferSyntax ImplicitVRLittleEndian = new(ImplicitVRLittleEndianUid, false, true, "Implicit VR Little Endian");
    public static readonly DicomTransferSyntax ExplicitVRLittleEndian = new(ExplicitVRLittleEndianUid, true, true, "Explicit VR Little Endian");

    public static DicomTransferSyntax FromUid(string uid) => uid switch
    {
        ImplicitVRLittleEndianUid => ImplicitVRLittleEndian,
        ExplicitVRLittleEndianUid => ExplicitVRLittleEndian,
        ExplicitVRBigEndianUid => new(uid, true, false, "Explicit VR Big Endian (retired)"),
        DeflatedExplicitVRLittleEndianUid => new(uid, true, false, "Deflated Explicit VR Little Endian"),
        // 1.2.840.10008.1.2.1.98 Encapsulated Uncompressed, 1.2.840.10008.1.2.4.x JPEG family,
        // 1.2.840.10008.1.2.5 RLE, 1.2.840.10008.1.2.4.100+ MPEG/HEVC: explicit VR LE with encapsulated pixels.
        _ when uid.StartsWith("1.2.840.10008.1.2.4.", StringComparison.Ordinal)
            || uid == "1.2.840.10008.1.2.5" || uid == "1.2.840.10008.1.2.1.98"
            => new(uid, true, true, "Encapsulated (explicit VR little endian)"),
        // Private or unknown syntaxes: PS3.5 10.1 requires explicit VR LE for anything not defined otherwise,
        // but a deflated or big endian private syntax would be misread, so refuse rather than guess.
        _ => new(uid, true, false, "Unknown transfer syntax"),
    };
}
