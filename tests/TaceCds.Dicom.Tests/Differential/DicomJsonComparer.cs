using System.Globalization;
using System.Text.Json;

namespace TaceCds.Dicom.Tests.Differential;

/// <summary>
/// Compares our parse of a data set with DCMTK's dcm2json output (the PS3.18 annex F JSON model).
/// Normalisations, each because the two sides legitimately differ in form only:
/// numbers are compared numerically (DS/IS text vs JSON numbers; FL to float precision);
/// Specific Character Set (0008,0005) is not compared, because dcm2json rewrites it to ISO_IR 192 after
/// converting the text to UTF-8 (the decoded strings themselves are compared);
/// private tags of implicit VR data sets: DCMTK knows some private VRs from private.dic, we read them as UN,
/// so only presence is compared; trailing NUL padding and person names made only of separators are
/// normalised (DCMTK keeps the one and drops the other); group lengths (gggg,0000) are not written by dcm2json; skipped bulk data (pixel data) is compared by presence and VR only.
/// </summary>
public static class DicomJsonComparer
{
    public static List<string> Compare(DicomDataset ours, JsonElement theirs, bool implicitVR)
    {
        var diffs = new List<string>();
        CompareDataset(ours, theirs, "", implicitVR, diffs);
        return diffs;
    }

    private static void CompareDataset(DicomDataset ours, JsonElement theirs, string path, bool implicitVR, List<string> diffs)
    {
        var seen = new HashSet<DicomTag>();
        foreach (var property in theirs.EnumerateObject())
        {
            var tag = DicomTag.Parse(property.Name);
            seen.Add(tag);
            var here = path + "/" + property.Name;
            var element = ours.Find(tag);
            if (element is null)
            {
                diffs.Add($"{here}: missing in ours");
                continue;
            }
            CompareElement(element, property.Value, here, implicitVR, diffs);
        }
        foreach (var element in ours.Elements)
        {
            // dcm2json never writes group length elements (gggg,0000).
            if (!seen.Contains(element.Tag) && element.Tag.Element != 0x0000)
                diffs.Add($"{path}/{element.Tag.ToJsonKey()}: only in ours ({element.VR})");
        }
    }

    private static void CompareElement(DicomElement ours, JsonElement theirs, string path, bool implicitVR, List<string> diffs)
    {
        var theirVR = theirs.GetProperty("vr").GetString()!;
        var hasValue = theirs.TryGetProperty("Value", out var value);
        if (ours.Tag.IsPrivate && implicitVR && ours.VR == DicomVR.UN)
            return;
        if (theirVR == "SQ" && ours.IsSequence)
        {
            var items = hasValue ? value.EnumerateArray().ToList() : [];
            if (items.Count != ours.Items.Count)
            {
                diffs.Add($"{path}: {ours.Items.Count} items, dcm2json {items.Count}");
                return;
            }
            for (var i = 0; i < items.Count; i++)
                CompareDataset(ours.Items[i], items[i], $"{path}[{i}]", implicitVR && ours.VR != DicomVR.UN, diffs);
            return;
        }
        if (theirVR != ours.VR.ToString())
        {
            diffs.Add($"{path}: VR {ours.VR}, dcm2json {theirVR}");
            return;
        }
        if (ours.Tag == DicomTags.SpecificCharacterSet || ours.IsSkippedBulkData)
            return;
        if (theirs.TryGetProperty("InlineBinary", out var inline))
        {
            var bytes = Convert.FromBase64String(inline.GetString()!);
            if (!bytes.AsSpan().SequenceEqual(ours.Bytes))
                diffs.Add($"{path}: binary value differs ({ours.Bytes?.Length} vs {bytes.Length} bytes)");
            return;
        }
        var theirValues = hasValue ? value.EnumerateArray().ToList() : [];
        switch (ours.VR)
        {
            case DicomVR.DS or DicomVR.IS or DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL
                or DicomVR.FL or DicomVR.FD or DicomVR.SV or DicomVR.UV:
                CompareNumbers(ours, theirValues, path, diffs);
                break;
            case DicomVR.AT:
                CompareStrings([.. DicomValues.GetTags(ours).Select(t => t.ToJsonKey())], theirValues, path, diffs);
                break;
            case DicomVR.PN:
                ComparePersonNames(DicomValues.GetStrings(ours), theirValues, path, diffs);
                break;
            default:
                CompareStrings(DicomValues.GetStrings(ours), theirValues, path, diffs);
                break;
        }
    }

    private static void CompareNumbers(DicomElement ours, List<JsonElement> theirs, string path, List<string> diffs)
    {
        // A DS/IS that is not a number: dcm2json falls back to writing the text.
        if (theirs.Any(t => t.ValueKind == JsonValueKind.String))
        {
            CompareStrings(DicomValues.GetStrings(ours), theirs, path, diffs);
            return;
        }
        var mine = DicomValues.GetNumbers(ours);
        if (mine.All(double.IsNaN) && theirs.Count == 0)
            return;
        if (mine.Length != theirs.Count)
        {
            diffs.Add($"{path}: {mine.Length} numbers [{string.Join(",", mine)}], dcm2json {theirs.Count}");
            return;
        }
        var tolerance = ours.VR == DicomVR.FL ? 1e-6 : 1e-9;
        for (var i = 0; i < mine.Length; i++)
        {
            if (theirs[i].ValueKind == JsonValueKind.Null)
            {
                if (!double.IsNaN(mine[i]))
                    diffs.Add($"{path}[{i}]: {mine[i]} vs null");
                continue;
            }
            var t = theirs[i].ValueKind == JsonValueKind.String
                ? double.Parse(theirs[i].GetString()!, CultureInfo.InvariantCulture)
                : theirs[i].GetDouble();
            if (Math.Abs(mine[i] - t) > tolerance * Math.Max(1, Math.Abs(t)))
                diffs.Add($"{path}[{i}]: {mine[i].ToString("R", CultureInfo.InvariantCulture)} vs {t.ToString("R", CultureInfo.InvariantCulture)}");
        }
    }

    private static void CompareStrings(string[] mine, List<JsonElement> theirs, string path, List<string> diffs)
    {
        // NUL padding (non-standard outside UI) is trimmed by us and kept by DCMTK.
        var theirStrings = theirs.Select(t => t.ValueKind == JsonValueKind.Null ? "" : (t.GetString() ?? "").TrimEnd('\0')).ToList();
        var a = TrimTrailingEmpty(mine);
        var b = TrimTrailingEmpty(theirStrings);
        if (!a.SequenceEqual(b))
            diffs.Add($"{path}: [{string.Join("|", a)}] vs dcm2json [{string.Join("|", b)}]");
    }

    private static void ComparePersonNames(string[] mine, List<JsonElement> theirs, string path, List<string> diffs)
    {
        var a = TrimTrailingEmpty(mine.Select(NormalisePersonName));
        var b = TrimTrailingEmpty(theirs.Select(t => t.ValueKind != JsonValueKind.Object ? "" : string.Join("=",
            new[] { "Alphabetic", "Ideographic", "Phonetic" }.Select(k => t.TryGetProperty(k, out var p) ? p.GetString() : "")))
            .Select(NormalisePersonName));
        if (!a.SequenceEqual(b))
            diffs.Add($"{path}: PN [{string.Join("|", a)}] vs dcm2json [{string.Join("|", b)}]");
    }

    /// <summary>DCMTK writes a name made only of component separators ("^^^^") as empty.</summary>
    private static string NormalisePersonName(string pn) => pn.Trim('^', '=').Length == 0 ? "" : pn.TrimEnd('=');

    private static List<string> TrimTrailingEmpty(IEnumerable<string> values)
    {
        var list = values.ToList();
        while (list.Count > 0 && list[^1].Length == 0)
            list.RemoveAt(list.Count - 1);
        return list;
    }
}
