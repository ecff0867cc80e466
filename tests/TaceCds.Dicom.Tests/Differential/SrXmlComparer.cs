using System.Globalization;
using System.Xml.Linq;
using TaceCds.Dicom.Sr;

namespace TaceCds.Dicom.Tests.Differential;

/// <summary>
/// Compares our SR content tree with DCMTK dsr2xml's (run with +Ec +Er +Ev +Wi: codes, relationship and value
/// type as attributes, every item's id written). DCMTK numbers items in document pre-order from 1, and a
/// by-reference item carries ref="target id"; we compare that against the pre-order number of the item our
/// Content Item Identifier resolves to. Formatting normalised: dates/times lose their punctuation (DCMTK writes
/// ISO 8601 and drops fractional seconds, so ours must start with theirs), numbers are compared numerically.
/// </summary>
public static class SrXmlComparer
{
    public static List<string> Compare(SrDocument ours, XDocument theirs)
    {
        var diffs = new List<string>();
        var content = theirs.Root!.Element("document")?.Element("content")
            ?? throw new InvalidOperationException("dsr2xml output has no document/content");
        var rootXml = content.Element("item") ?? throw new InvalidOperationException("dsr2xml content has no root item");
        var preorder = ours.Root.DescendantsAndSelf().Select((item, index) => (item.Id, Number: index + 1))
            .ToDictionary(p => p.Id, p => p.Number, StringComparer.Ordinal);
        CompareItem(ours, ours.Root, rootXml, preorder, diffs);
        return diffs;
    }

    private static void CompareItem(SrDocument doc, SrContentItem ours, XElement xml, Dictionary<string, int> preorder, List<string> diffs)
    {
        var where = $"item {ours.Id} (dsr2xml id {(string?)xml.Attribute("id")})";
        if ((string?)xml.Attribute("id") != preorder[ours.Id].ToString(CultureInfo.InvariantCulture))
            diffs.Add($"{where}: pre-order position differs");
        Check(diffs, where, "relationship", ours.RelationshipType, (string?)xml.Attribute("relType"));
        if (ours.IsByReference)
        {
            var target = doc.FindById(ours.ReferencedId!);
            Check(diffs, where, "by-reference target", target is null ? "?" : preorder[target.Id].ToString(CultureInfo.InvariantCulture), (string?)xml.Attribute("ref"));
            return;
        }
        Check(diffs, where, "value type", ours.ValueType!.Value.ToDicom(), (string?)xml.Attribute("valType"));
        CheckCode(diffs, where + " concept", ours.ConceptName, xml.Element("concept"));
        var value = xml.Element("value");
        switch (ours.ValueType)
        {
            case SrValueType.Container:
                Check(diffs, where, "continuity", ours.Continuity, (string?)xml.Attribute("flag"));
                break;
            case SrValueType.Text or SrValueType.UidRef:
                Check(diffs, where, "value", ours.Text, value?.Value);
                break;
            case SrValueType.Date or SrValueType.Time or SrValueType.DateTime:
                var theirs = DigitsWithoutZone(value?.Value ?? "", iso: true);
                var mine = DigitsWithoutZone(ours.Text ?? "", iso: false);
                if (!mine.StartsWith(theirs, StringComparison.Ordinal) || theirs.Length == 0 && mine.Length > 0)
                    diffs.Add($"{where}: date/time {ours.Text} vs dsr2xml {value?.Value}");
                break;
            case SrValueType.PName:
                var ourParts = (ours.Text ?? "").Split('=')[0].Split('^').Where(p => p.Length > 0).Order(StringComparer.Ordinal);
                var theirParts = (value ?? xml).Descendants().Where(e => !e.HasElements && e.Name != "concept").Select(e => e.Value)
                    .Where(p => p.Length > 0).Order(StringComparer.Ordinal);
                Check(diffs, where, "person name", string.Join("|", ourParts), string.Join("|", theirParts));
                break;
            case SrValueType.Code:
                CheckCode(diffs, where + " value", ours.Code, value);
                break;
            case SrValueType.Num:
                CheckNumber(diffs, where, ours.Numeric, value, xml.Element("unit"));
                break;
            case SrValueType.Image or SrValueType.Composite or SrValueType.Waveform:
                Check(diffs, where, "SOP class", ours.Reference?.SopClassUid, (string?)value?.Element("sopclass")?.Attribute("uid"));
                Check(diffs, where, "SOP instance", ours.Reference?.SopInstanceUid, (string?)value?.Element("instance")?.Attribute("uid"));
                break;
            case SrValueType.Scoord or SrValueType.Scoord3D or SrValueType.Tcoord:
                CheckCoordinates(diffs, where, ours, xml);
                break;
        }
        var xmlChildren = xml.Elements("item").ToList();
        if (xmlChildren.Count != ours.Children.Count)
        {
            diffs.Add($"{where}: {ours.Children.Count} children, dsr2xml {xmlChildren.Count}");
            return;
        }
        for (var i = 0; i < xmlChildren.Count; i++)
            CompareItem(doc, ours.Children[i], xmlChildren[i], preorder, diffs);
    }

    /// <summary>Date/time digits up to (excluding) fractional seconds and the UTC offset.</summary>
    private static string DigitsWithoutZone(string text, bool iso)
    {
        // ISO form: 1997-01-01T00:06:31+00:00 (offset after the T); DICOM DT: 19970101000631.737+0000.
        var timeStart = iso ? Math.Max(0, text.IndexOf('T', StringComparison.Ordinal)) : 0;
        var cut = text.IndexOfAny(['.', '+'], timeStart);
        var minus = iso ? (timeStart > 0 ? text.IndexOf('-', timeStart) : -1) : text.IndexOf('-', StringComparison.Ordinal);
        if (minus >= 0 && (cut < 0 || minus < cut))
            cut = minus;
        return new string((cut >= 0 ? text[..cut] : text).Where(char.IsDigit).ToArray());
    }

    private static void CheckNumber(List<string> diffs, string where, SrNumericValue? ours, XElement? value, XElement? unit)
    {
        if (value is null)
        {
            if (ours?.Value is not null)
                diffs.Add($"{where}: number {ours.Value} but dsr2xml has none");
            return;
        }
        var theirs = double.Parse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (ours?.Value is not { } mine || Math.Abs((double)mine - theirs) > 1e-9 * Math.Max(1, Math.Abs(theirs)))
            diffs.Add($"{where}: number {ours?.Value} vs dsr2xml {value.Value}");
        CheckCode(diffs, where + " unit", ours?.Unit, unit);
    }

    private static void CheckCoordinates(List<string> diffs, string where, SrContentItem ours, XElement xml)
    {
        var data = xml.Element("data");
        Check(diffs, where, "graphic/temporal type", ours.Coordinates?.Type, (string?)xml.Attribute("type"));
        if (ours.ValueType == SrValueType.Scoord3D)
            Check(diffs, where, "frame of reference", ours.Coordinates?.FrameOfReferenceUid, (string?)data?.Attribute("uid"));
        var theirNumbers = (data?.Value ?? "").Split([',', '/', '\n', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToList();
        var mine = ours.Coordinates?.DateTimes.Count > 0 ? [] : ours.Coordinates?.Points ?? [];
        if (mine.Count == 0 && ours.Coordinates?.DateTimes.Count > 0)
            return;
        if (mine.Count != theirNumbers.Count || mine.Zip(theirNumbers).Any(p => Math.Abs(p.First - p.Second) > 1e-5 * Math.Max(1, Math.Abs(p.Second))))
            diffs.Add($"{where}: coordinates [{string.Join(",", mine)}] vs dsr2xml [{data?.Value}]");
    }

    private static void CheckCode(List<string> diffs, string where, SrCode? ours, XElement? theirs)
    {
        if (theirs is null || theirs.Attribute("codValue") is null)
        {
            if (ours is not null && theirs?.Attribute("codValue") is null && theirs is not null)
                diffs.Add($"{where}: {ours} but dsr2xml has no code");
            else if (ours is not null && theirs is null)
                diffs.Add($"{where}: {ours} but dsr2xml has none");
            return;
        }
        if (ours is null)
        {
            // With -Ee DCMTK keeps a CODE item that has no Concept Code Sequence and writes an empty code.
            if (string.IsNullOrEmpty((string?)theirs.Attribute("codValue")))
                return;
            diffs.Add($"{where}: none but dsr2xml has {(string?)theirs.Attribute("codValue")}");
            return;
        }
        Check(diffs, where, "code value", ours.Value, (string?)theirs.Attribute("codValue"));
        Check(diffs, where, "coding scheme", ours.Scheme, (string?)theirs.Attribute("codScheme") ?? "");
        Check(diffs, where, "meaning", ours.Meaning, theirs.Value);
    }

    private static void Check(List<string> diffs, string where, string what, string? ours, string? theirs)
    {
        if (!string.Equals(ours ?? "", theirs ?? "", StringComparison.Ordinal))
            diffs.Add($"{where}: {what} '{ours}' vs dsr2xml '{theirs}'");
    }
}
