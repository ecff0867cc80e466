using System.Globalization;
using System.Text;
using TaceCds.Report.Model;

namespace TaceCds.Report;

/// <summary>
/// The running header of the printed packet: each patient section is a named page (<c>page: p3</c>) whose CSS paged-media
/// margin boxes carry the patient's name and id at the top of every printed page, and "page n/m" at the bottom
/// (Chromium 131+ draws @page margin boxes). The name comes from the record: it is written as CSS hex escapes, so that no
/// character of it can end the string or the style element.
/// </summary>
internal static class PrintHeaders
{
    public static string Css(IReadOnlyList<BoardPatient> ranked)
    {
        var css = new StringBuilder();
        css.Append("@page { @top-left { content: \"Tumor board packet\"; } ")
           .Append("@bottom-right { content: \"page \" counter(page) \"/\" counter(pages); } }\n");
        for (var i = 0; i < ranked.Count; i++)
        {
            var header = $"{ranked[i].Name ?? "(no name)"} · {ranked[i].PatientReference}";
            css.Append("@page p").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(" { @top-left { content: ")
               .Append(CssString(header)).Append("; } @top-right { content: ").Append(CssString("as of " + (ranked[i].Result["asOf"].Str() ?? "?")))
               .Append("; } }\n");
        }
        return css.ToString();
    }

    /// <summary>A CSS string literal holding <paramref name="text"/>: letters, digits and spaces as they are, anything else as a hex escape.</summary>
    public static string CssString(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == ' ')) sb.Append((char)rune.Value);
            else sb.Append('\\').Append(rune.Value.ToString("x", CultureInfo.InvariantCulture)).Append(' ');
        }
        return sb.Append('"').ToString();
    }
}
