using System.Buffers.Binary;
using System.Globalization;

namespace TaceCds.Dicom;

/// <summary>Decodes element values by VR (PS3.5 6.2). Errors are DCM2xx with the element's offset.</summary>
public static class DicomValues
{
    /// <summary>
    /// The values of a string element, split on backslash (except LT/ST/UT/UR, which hold one value) and with the
    /// padding PS3.5 6.2 calls insignificant removed: trailing spaces (and NUL for UI/OB-padded strings) always,
    /// leading spaces except for the free-text VRs LT, ST, UT, UC.
    /// </summary>
    public static string[] GetStrings(DicomElement element)
    {
        if (element.Bytes is not { Length: > 0 } bytes || !DicomVRInfo.IsString(element.VR))
            return [];
        var text = DicomVRInfo.IsAsciiOnly(element.VR)
            ? System.Text.Encoding.Latin1.GetString(bytes)
            : element.CharacterSet.Decode(bytes, element.Offset);
        var parts = DicomVRInfo.IsSingleValuedText(element.VR) ? [text] : text.Split('\\');
        var keepLeading = element.VR is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UC;
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i].TrimEnd(' ', '\0');
            parts[i] = keepLeading ? p : p.TrimStart(' ');
        }
        return parts;
    }

    /// <summary>The first non-empty value of a string element (same trimming as <see cref="GetStrings"/>) without splitting the rest.</summary>
    public static string? GetFirstString(DicomElement element)
    {
        if (element.Bytes is not { Length: > 0 } bytes || !DicomVRInfo.IsString(element.VR))
            return null;
        var text = DicomVRInfo.IsAsciiOnly(element.VR)
            ? System.Text.Encoding.Latin1.GetString(bytes)
            : element.CharacterSet.Decode(bytes, element.Offset);
        var keepLeading = element.VR is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UC;
        var single = DicomVRInfo.IsSingleValuedText(element.VR);
        var start = 0;
        while (start <= text.Length)
        {
            var end = single ? text.Length : text.IndexOf('\\', start);
            if (end < 0)
                end = text.Length;
            var span = text.AsSpan(start, end - start).TrimEnd([' ', '\0']);
            if (!keepLeading)
                span = span.TrimStart(' ');
            if (span.Length > 0)
                return span.Length == text.Length ? text : span.ToString();
            start = end + 1;
        }
        return null;
    }

    /// <summary>Numbers of a DS/IS string or a binary numeric VR. Empty values give NaN entries (DCM201 is for non-numbers).</summary>
    public static double[] GetNumbers(DicomElement element)
    {
        switch (element.VR)
        {
            case DicomVR.DS or DicomVR.IS:
                return [.. GetStrings(element).Select(s => s.Length == 0 ? double.NaN : ParseNumber(s, element))];
            case DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.FD or DicomVR.SV or DicomVR.UV:
                return ReadBinary(element);
            default:
                return [];
        }
    }

    /// <summary>A DS/IS value as an exact decimal (keeps the digits the modality wrote, for FHIR valueQuantity).</summary>
    public static decimal ParseDecimal(string text, DicomElement element)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return d;
        throw new DicomFormatException(DicomErrorCodes.BadNumber, element.Offset, $"{element.Tag} {element.VR} '{text}' is not a decimal number");
    }

    /// <summary>AT values: pairs of 16-bit group/element numbers.</summary>
    public static DicomTag[] GetTags(DicomElement element)
    {
        var b = RequireMultiple(element, 4);
        var tags = new DicomTag[b.Length / 4];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(i * 4)),
                BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(i * 4 + 2)));
        }
        return tags;
    }

    private static double ParseNumber(string s, DicomElement element)
    {
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return d;
        throw new DicomFormatException(DicomErrorCodes.BadNumber, element.Offset, $"{element.Tag} {element.VR} '{s}' is not a number");
    }

    private static double[] ReadBinary(DicomElement element)
    {
        var size = DicomVRInfo.BinaryValueSize(element.VR);
        var b = RequireMultiple(element, size);
        var result = new double[b.Length / size];
        for (var i = 0; i < result.Length; i++)
        {
            var s = b.AsSpan(i * size);
            result[i] = element.VR switch
            {
                DicomVR.US => BinaryPrimitives.ReadUInt16LittleEndian(s),
                DicomVR.SS => BinaryPrimitives.ReadInt16LittleEndian(s),
                DicomVR.UL => BinaryPrimitives.ReadUInt32LittleEndian(s),
                DicomVR.SL => BinaryPrimitives.ReadInt32LittleEndian(s),
                DicomVR.FL => BinaryPrimitives.ReadSingleLittleEndian(s),
                DicomVR.FD => BinaryPrimitives.ReadDoubleLittleEndian(s),
                DicomVR.SV => BinaryPrimitives.ReadInt64LittleEndian(s),
                _ => BinaryPrimitives.ReadUInt64LittleEndian(s),
            };
        }
        return result;
    }

    private static byte[] RequireMultiple(DicomElement element, int size)
    {
        var b = element.Bytes ?? [];
        if (b.Length % size != 0)
            throw new DicomFormatException(DicomErrorCodes.BadBinaryLength, element.Offset,
                $"{element.Tag} {element.VR} length {b.Length} is not a multiple of {size}");
        return b;
    }
}
