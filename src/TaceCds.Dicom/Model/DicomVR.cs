namespace TaceCds.Dicom;

/// <summary>Value representations of DICOM PS3.5 section 6.2 (table 6.2-1).</summary>
public enum DicomVR
{
    AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV,
    TM, UC, UI, UL, UN, UR, US, UT, UV,
}

/// <summary>Encoding facts about each VR that the reader and the value decoders need (PS3.5 6.2, 7.1.2).</summary>
public static class DicomVRInfo
{
    /// <summary>Parses the two upper-case ASCII letters of an explicit VR; false when they are not a PS3.5 VR.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = default;
        if (first is < (byte)'A' or > (byte)'Z' || second is < (byte)'A' or > (byte)'Z')
            return false;
        return s_byCode.TryGetValue((first << 8) | second, out vr);
    }

    public static bool TryParse(string text, out DicomVR vr)
    {
        vr = default;
        return text.Length == 2 && TryParse((byte)text[0], (byte)text[1], out vr);
    }

    /// <summary>Explicit VR with a 2-byte reserved field and a 4-byte length (PS3.5 table 7.1-1).</summary>
    public static bool HasLongLength(DicomVR vr) =>
        vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.SQ
            or DicomVR.UC or DicomVR.UN or DicomVR.UR or DicomVR.UT or DicomVR.SV or DicomVR.UV;

    /// <summary>Character string VRs whose bytes are decoded with the Specific Character Set.</summary>
    public static bool IsString(DicomVR vr) =>
        vr is DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.IS
            or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH or DicomVR.ST or DicomVR.TM or DicomVR.UC
            or DicomVR.UI or DicomVR.UR or DicomVR.UT;

    /// <summary>String VRs that hold one value and may contain backslashes (PS3.5 6.2: LT, ST, UT, UR).</summary>
    public static bool IsSingleValuedText(DicomVR vr) => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;

    /// <summary>VRs whose bytes are always ASCII (the character set only applies to the others, PS3.5 6.1.2.3).</summary>
    public static bool IsAsciiOnly(DicomVR vr) =>
        vr is DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.IS
            or DicomVR.TM or DicomVR.UI or DicomVR.UR;

    /// <summary>Bytes per value of the fixed-size binary VRs; 0 for the others.</summary>
    public static int BinaryValueSize(DicomVR vr) => vr switch
    {
        DicomVR.US or DicomVR.SS or DicomVR.OW => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.OL or DicomVR.OF or DicomVR.AT => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        DicomVR.OB or DicomVR.UN => 1,
        _ => 0,
    };

    /// <summary>Opaque byte VRs that the DICOM JSON model writes as InlineBinary.</summary>
    public static bool IsBulkBinary(DicomVR vr) =>
        vr is DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.UN;

    private static readonly Dictionary<int, DicomVR> s_byCode =
        Enum.GetValues<DicomVR>().ToDictionary(v => (v.ToString()[0] << 8) | v.ToString()[1]);
}
