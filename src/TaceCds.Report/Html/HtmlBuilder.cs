using System.Globalization;
using System.Net;
using System.Text;

namespace TaceCds.Report.Html;

/// <summary>
/// Appends HTML. Every string that can come from a patient record goes through <see cref="Text"/> or an attribute
/// value, both HTML-encoded; <see cref="Raw"/> is for markup this library writes itself (and Markdig's escaped output).
/// </summary>
public sealed class HtmlBuilder
{
    private readonly StringBuilder _sb;

    public HtmlBuilder(int capacity = 16 * 1024) => _sb = new StringBuilder(capacity);

    public HtmlBuilder Raw(string markup) { _sb.Append(markup); return this; }

    public HtmlBuilder Text(string? text) { if (text is not null) _sb.Append(Encode(text)); return this; }

    public HtmlBuilder Number(double value, string format = "0.##") { _sb.Append(Format(value, format)); return this; }

    /// <summary>Opens <paramref name="tag"/> with attributes (name, value); null values are left out, values are encoded.</summary>
    public HtmlBuilder Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _sb.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            _sb.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
        }
        _sb.Append('>');
        return this;
    }

    public HtmlBuilder Close(string tag) { _sb.Append("</").Append(tag).Append('>'); return this; }

    /// <summary>An element with encoded text content.</summary>
    public HtmlBuilder Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public override string ToString() => _sb.ToString();

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public static string Format(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
