using TaceCds.Report.Html;

namespace TaceCds.Report.Charts;

/// <summary>
/// A chart's key as HTML beside the SVG (readable at any zoom, selectable, read by screen readers): each entry a small
/// swatch with the CSS class the chart uses for that mark, and its words.
/// </summary>
public static class ChartLegend
{
    public sealed record Entry(string Swatch, string Text);

    public static void Write(HtmlBuilder html, IEnumerable<Entry> entries)
    {
        html.Open("ul", ("class", "legend"));
        foreach (var e in entries)
            html.Open("li").Element("span", "", ("class", "swatch " + e.Swatch), ("aria-hidden", "true")).Text(e.Text).Close("li");
        html.Close("ul");
    }

    /// <summary>The mRECIST categories of a point or an exam dot, in the order of the colours' meaning.</summary>
    public static IEnumerable<Entry> Categories(IEnumerable<string> present)
    {
        var shown = present.ToHashSet(StringComparer.Ordinal);
        (string Key, string Text)[] all =
        [
            ("baseline", "baseline exam"), ("CR", "CR complete response"), ("PR", "PR partial response"), ("SD", "SD stable disease"),
            ("PD", "PD progressive disease"), ("assessed", "assessed, no category"), ("none", "exam not used for response"),
        ];
        return all.Where(c => shown.Contains(c.Key)).Select(c => new Entry("dot cat-" + c.Key, c.Text));
    }
}
