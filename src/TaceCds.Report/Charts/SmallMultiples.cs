using System.Globalization;
using TaceCds.Report.Html;
using TaceCds.Report.Model;
using static TaceCds.Report.Charts.TimeAxis;

namespace TaceCds.Report.Charts;

/// <summary>
/// One small line chart per series (AFP, bilirubin, albumin, NLR, Child-Pugh, ALBI) on a shared time axis, TACE
/// sessions marked, the latest value written out; then one table with every value by date.
/// </summary>
public static class SmallMultiples
{
    private const double Width = 240, Height = 134, Left = 48, Right = 214, Top = 26, Bottom = 112;

    public static void Write(HtmlBuilder html, IReadOnlyList<TrendSeries> series, CourseView course, string idPrefix)
    {
        html.Open("figure", ("class", "chart-block"));
        html.Element("figcaption", "Labs and liver function over time");
        var withData = series.Where(s => s.Points.Count > 0).ToList();
        if (withData.Count == 0)
        {
            html.Element("p", "No lab values.", ("class", "empty"));
            html.Close("figure");
            return;
        }
        var dates = withData.SelectMany(s => s.Points.Select(p => p.Date)).Concat(course.Sessions.Select(s => s.Date)).ToList();
        html.Open("div", ("class", "multiples"));
        foreach (var s in series) Chart(html, s, dates, course, idPrefix);
        html.Close("div");
        Table(html, withData, idPrefix + "-trend-table");
        html.Close("figure");
    }

    private static void Chart(HtmlBuilder svg, TrendSeries series, List<DateOnly> dates, CourseView course, string idPrefix)
    {
        var id = $"{idPrefix}-trend-{series.Key}";
        svg.Open("svg", ("class", "chart trend-chart"), ("viewBox", $"0 0 {Width} {Height}"), ("role", "img"), ("aria-labelledby", id), ("aria-describedby", $"{id}-desc {idPrefix}-trend-table"),
            ("data-series", series.Key), ("data-points", series.Points.Count.ToString(CultureInfo.InvariantCulture)));
        var last = series.Points.Count > 0 ? series.Points[^1] : null;
        svg.Element("title", $"{series.Title} ({series.Unit}) over time", ("id", id));
        svg.Element("desc", series.Points.Count == 0 ? "no data"
            : string.Join("; ", series.Points.Select(p => $"{p.Date:yyyy-MM-dd} {p.Label ?? HtmlBuilder.Format(p.Value)}")), ("id", id + "-desc"));
        svg.Element("text", series.Title, ("class", "trend-title"), ("x", "2"), ("y", "14"));
        if (last is not null)
            svg.Element("text", last.Label ?? $"{HtmlBuilder.Format(last.Value)} {series.Unit}", ("class", "trend-last"), ("x", F(Width - 2)), ("y", "14"), ("text-anchor", "end"));
        if (series.Points.Count == 0)
        {
            svg.Element("text", "no data", ("class", "empty"), ("x", F(Width / 2)), ("y", F(Height / 2)), ("text-anchor", "middle"));
            svg.Close("svg");
            return;
        }
        var values = series.Points.Select(p => p.Value);
        if (series.ReferenceBand is { } band) values = values.Append(band.High);
        var y = new ValueAxis(values, Top, Bottom, series.LogScale);
        var x = new TimeAxis(dates, Left, Right);
        if (series.ReferenceBand is { } rb)
        {
            var y1 = Math.Max(Top, y.Y(rb.High));
            var y2 = Math.Min(Bottom, y.Y(rb.Low));
            if (y2 > y1) svg.Raw($"<rect class=\"band-ok\" x=\"{F(Left)}\" y=\"{F(y1)}\" width=\"{F(Right - Left)}\" height=\"{F(y2 - y1)}\"/>");
        }
        y.Draw(svg, Left, Right);
        x.Draw(svg, Top, Bottom, 3);
        foreach (var s in course.Sessions)
            svg.Raw($"<line class=\"tace-line\" x1=\"{F(x.X(s.Date))}\" y1=\"{F(Top)}\" x2=\"{F(x.X(s.Date))}\" y2=\"{F(Bottom)}\"/>");
        svg.Raw("<polyline class=\"series\" points=\"")
            .Raw(string.Join(" ", series.Points.Select(p => $"{F(x.X(p.Date))},{F(y.Y(p.Value))}"))).Raw("\"/>");
        for (var i = 0; i < series.Points.Count; i++)
        {
            var p = series.Points[i];
            svg.Raw($"<circle class=\"point\" data-point=\"{i}\" cx=\"{F(x.X(p.Date))}\" cy=\"{F(y.Y(p.Value))}\" r=\"3\"><title>{p.Date:yyyy-MM-dd}: {HtmlBuilder.Format(p.Value)}</title></circle>");
        }
        svg.Close("svg");
    }

    private static void Table(HtmlBuilder html, List<TrendSeries> series, string id)
    {
        var byDate = series.SelectMany(s => s.Points.Select(p => (s.Key, p))).GroupBy(t => t.p.Date).OrderBy(g => g.Key).ToList();
        // On paper the charts carry the trend and their latest value; the full table is on screen (and for screen readers).
        html.Open("table", ("class", "data trend-table screen-only"), ("id", id));
        html.Raw("<thead><tr><th>Date</th>");
        foreach (var s in series) html.Open("th").Text(s.Title).Raw("<br><span class=\"unit\">").Text(s.Unit).Raw("</span>").Close("th");
        html.Raw("</tr></thead><tbody>");
        foreach (var day in byDate)
        {
            html.Open("tr").Element("td", day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var s in series)
            {
                var point = day.Where(t => t.Key == s.Key).Select(t => t.p).LastOrDefault();
                var text = point is null ? "" : point.Label ?? HtmlBuilder.Format(point.Value);
                html.Element("td", text, ("class", "num"));
            }
            html.Close("tr");
        }
        html.Raw("</tbody></table>");
    }
}
