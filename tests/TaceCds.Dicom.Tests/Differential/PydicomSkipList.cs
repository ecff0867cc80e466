namespace TaceCds.Dicom.Tests.Differential;

/// <summary>
/// pydicom test files not compared with dcm2json, each with the reason. Kept as data, like Firely's skip list
/// for the official FHIR suites, so the reasons are reviewed rather than lost in conditionals.
/// </summary>
public static class PydicomSkipList
{
    /// <summary>Not DICOM at all: documentation, JSON, text dumps and a gzip archive.</summary>
    public static bool IsNotDicom(string relative) =>
        Path.GetFileName(relative) is "README.txt" or "README" or "FileInfo.txt"
        || Path.GetExtension(relative) is ".json" or ".dump" or ".gz";

    /// <summary>dcm2json cannot write these, but they are valid: compressed pixel data has no JSON InlineBinary form in DCMTK 3.6.7.
    /// We still read them (pixel data skipped as fragments) — see ReadsFilesDcm2JsonCannotConvert.</summary>
    public const string CompressedPixelData = "dcm2json: 'JSON InlineBinary encoding not supported for compressed pixel data'";

    /// <summary>Files DCMTK itself refuses; for each, what we do instead.</summary>
    public static readonly IReadOnlyDictionary<string, (string Reason, string? OurCode)> DcmtkRejects = new Dictionary<string, (string, string?)>
    {
        ["test_files/rtplan_truncated.dcm"] = ("truncated on purpose: DCMTK 'premature end of stream'", DicomErrorCodes.LengthPastEnd),
        ["test_files/MR_truncated.dcm"] = ("truncated pixel data: DCMTK 'larger than remaining bytes'", DicomErrorCodes.LengthPastEnd),
        ["test_files/no_meta.dcm"] = ("no meta header; DCMTK guesses a different encoding and fails", null),
        ["charset_files/chrH31.dcm"] = ("ISO 2022 IR 87 (Japanese, code extensions): DCMTK 3.6.7 without iconv support for it", DicomErrorCodes.UnsupportedCharacterSet),
        ["charset_files/chrH32.dcm"] = ("ISO 2022 IR 13/87 (Japanese, code extensions)", DicomErrorCodes.UnsupportedCharacterSet),
        ["charset_files/chrJapMulti.dcm"] = ("ISO 2022 IR 87/159 (Japanese, code extensions)", DicomErrorCodes.UnsupportedCharacterSet),
        ["charset_files/chrJapMultiExplicitIR6.dcm"] = ("ISO 2022 IR 87 (Japanese, code extensions)", DicomErrorCodes.UnsupportedCharacterSet),
        ["test_files/SC_rgb_jpeg.dcm"] = ("VR bytes '  ' (0x20 0x20) on (0008,0008): DCMTK stops with premature end", DicomErrorCodes.InvalidVR),
        ["test_files/J2K_pixelrep_mismatch.dcm"] = ("ISO 2022 IR 87: not supported by DCMTK's iconv build", DicomErrorCodes.UnsupportedCharacterSet),
        ["charset_files/chrSQEncoding1.dcm"] = ("ISO 2022 IR 149 inside a sequence (code extensions)", DicomErrorCodes.UnsupportedCharacterSet),
    };

    /// <summary>Files DCMTK reads that we refuse on purpose, with the code we must give.</summary>
    public static readonly IReadOnlyDictionary<string, string> WeRefuse = new Dictionary<string, string>
    {
        // Big endian and deflate: out of scope by design, must be a clear DCM108.
        ["test_files/ExplVR_BigEnd.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/ExplVR_BigEndNoMeta.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/MR_small_bigendian.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/rtdose_expb_1frame.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/liver_expb_1frame.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/liver_expb.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/OBXXXX1A_expb.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/OBXXXX1A_expb_2frame.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/SC_rgb_expb.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/dicomdirtests/DICOMDIR-bigEnd"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/rtdose_expb.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/MR_small_expb.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        ["test_files/image_dfl.dcm"] = DicomErrorCodes.UnsupportedTransferSyntax,
        // ISO 2022 code extensions (escape sequences switching to multi-byte Japanese/Korean sets): not decoded here.
        ["charset_files/chrSQEncoding.dcm"] = DicomErrorCodes.UnsupportedCharacterSet,
        ["charset_files/chrI2.dcm"] = DicomErrorCodes.UnsupportedCharacterSet,
        ["charset_files/chrKoreanMulti.dcm"] = DicomErrorCodes.UnsupportedCharacterSet,
        // The last directory record's item length (248) runs past the end of the file; DCMTK reads the partial item.
        ["test_files/dicomdirtests/DICOMDIR-nooffset"] = DicomErrorCodes.LengthPastEnd,
    };
}
