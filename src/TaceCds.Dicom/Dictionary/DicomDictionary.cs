using System.Globalization;

namespace TaceCds.Dicom;

/// <summary>
/// Tag → VR for decoding implicit VR little endian (the only place a VR is not written in the file).
/// Data: DICOM PS3.6 via DicomDictionary.txt (see its header for the source and how to regenerate).
/// </summary>
public static class DicomDictionary
{
    private static readonly Lazy<(Dictionary<uint, DicomVR> Exact, List<(uint Mask, uint Value, DicomVR VR)> Masked, HashSet<uint> PixelDependent)> s_data =
        new(Load);

    /// <summary>Tags whose VR is US or SS depending on Pixel Representation (PS3.5 "US or SS"; 'xs' in DCMTK).</summary>
    public static bool IsPixelRepresentationDependent(DicomTag tag) => s_data.Value.PixelDependent.Contains(tag.Value);

    /// <summary>Number of exact and masked entries loaded (for tests).</summary>
    public static int Count => s_data.Value.Exact.Count + s_data.Value.Masked.Count;

    /// <summary>The VR for a tag, or <see cref="DicomVR.UN"/> when unknown (as DCMTK does for unknown implicit tags).</summary>
    public static DicomVR LookupVR(DicomTag tag)
    {
        // Group lengths are UL and private creators LO everywhere (PS3.5 7.2, 7.8.1).
        if (tag.Element == 0x0000)
            return DicomVR.UL;
        if (tag.IsPrivateCreator)
            return DicomVR.LO;
        if (tag.IsPrivate)
            return DicomVR.UN;
        var (exact, masked, _) = s_data.Value;
        if (exact.TryGetValue(tag.Value, out var vr))
            return vr;
        foreach (var (mask, value, maskedVr) in masked)
        {
            if ((tag.Value & mask) == value)
                return maskedVr;
        }
        return DicomVR.UN;
    }

    public static bool TryLookup(DicomTag tag, out DicomVR vr)
    {
        vr = LookupVR(tag);
        return vr != DicomVR.UN || s_data.Value.Exact.ContainsKey(tag.Value);
    }

    private static (Dictionary<uint, DicomVR>, List<(uint, uint, DicomVR)>, HashSet<uint>) Load()
    {
        var pixelDependent = new HashSet<uint>();
        var exact = new Dictionary<uint, DicomVR>(5200);
        var masked = new List<(uint, uint, DicomVR)>();
        using var stream = typeof(DicomDictionary).Assembly.GetManifestResourceStream("TaceCds.Dicom.DicomDictionary.txt")
            ?? throw new InvalidOperationException("DicomDictionary.txt resource missing from TaceCds.Dicom");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 11 || line[0] == '#')
                continue;
            var tagText = line[..8];
            if (!DicomVRInfo.TryParse(line[9..11], out var vr))
                throw new InvalidOperationException("Bad VR in DicomDictionary.txt: " + line);
            if (tagText.Contains('x'))
            {
                uint mask = 0, value = 0;
                for (var i = 0; i < 8; i++)
                {
                    mask <<= 4;
                    value <<= 4;
                    if (tagText[i] != 'x')
                    {
                        mask |= 0xF;
                        value |= uint.Parse(tagText.AsSpan(i, 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    }
                }
                masked.Add((mask, value, vr));
            }
            else
            {
                var key = uint.Parse(tagText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                exact[key] = vr;
                if (line.EndsWith(" xs", StringComparison.Ordinal))
                    pixelDependent.Add(key);
            }
        }
        return (exact, masked, pixelDependent);
    }
}
