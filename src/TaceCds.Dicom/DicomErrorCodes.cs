namespace TaceCds.Dicom;

/// <summary>
/// Stable error codes. DCM100: the file itself. DCM1xx: the byte stream (Part 10 / PS3.5 encoding). DCM2xx: decoding one value.
/// DCM3xx: the SR content tree. Never renumber; add new codes at the end of a range.
/// </summary>
public static class DicomErrorCodes
{
    /// <summary>The file cannot be opened or read (missing, no permission, I/O error).</summary>
    public const string FileNotReadable = "DCM100";
    /// <summary>The data ended in the middle of a tag, length or value.</summary>
    public const string Truncated = "DCM101";
    /// <summary>A value or item length points past the end of the data (or of its parent item).</summary>
    public const string LengthPastEnd = "DCM102";
    /// <summary>Sequences nested deeper than the reader allows.</summary>
    public const string NestingTooDeep = "DCM103";
    /// <summary>Inside a sequence something other than an item or a sequence delimiter was found, or a delimiter out of place.</summary>
    public const string UnexpectedTag = "DCM104";
    /// <summary>An explicit VR that is not one of the PS3.5 value representations.</summary>
    public const string InvalidVR = "DCM105";
    /// <summary>Undefined length (FFFFFFFF) on an element that cannot have it.</summary>
    public const string UndefinedLengthNotAllowed = "DCM106";
    /// <summary>The transfer syntax is big endian, deflated or otherwise not decodable here.</summary>
    public const string UnsupportedTransferSyntax = "DCM108";
    /// <summary>The data is not DICOM: no DICM prefix and no recognisable data set.</summary>
    public const string NotDicom = "DCM109";
    /// <summary>A value is larger than the reader agrees to hold in memory.</summary>
    public const string ValueTooLarge = "DCM110";

    /// <summary>A DS, IS or other numeric string is not a number.</summary>
    public const string BadNumber = "DCM201";
    /// <summary>The Specific Character Set is not one the decoder supports.</summary>
    public const string UnsupportedCharacterSet = "DCM202";
    /// <summary>A DA, TM or DT value is not a valid date/time.</summary>
    public const string BadDateTime = "DCM203";
    /// <summary>A binary value's length is not a multiple of its element size.</summary>
    public const string BadBinaryLength = "DCM204";

    /// <summary>The data set is not an SR document (no Value Type / Content Sequence at the root).</summary>
    public const string NotStructuredReport = "DCM301";
    /// <summary>A content item lacks a required attribute (value type, concept name, value) or has a bad one.</summary>
    public const string BadContentItem = "DCM302";
    /// <summary>A by-reference relationship points at a content item that does not exist.</summary>
    public const string BadReference = "DCM303";
    /// <summary>
    /// The file was read but mapping its content failed unexpectedly (a fault of the importer, not of the file's
    /// encoding): the file is reported with this code and skipped, the other files are imported.
    /// </summary>
    public const string MappingFailed = "DCM304";
}
