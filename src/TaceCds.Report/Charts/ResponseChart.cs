using TaceCds.Report.Html;
using TaceCds.Report.Model;
using static TaceCds.Report.Charts.TimeAxis;

namespace TaceCds.Report.Charts;

/// <summary>
/// Target-lesion viable sum (mRECIST, Lencioni &amp; Llovet 2010) per exam: the baseline, the nadir, the PR band
/// (≤ 70 % of baseline, i.e. −30 %) and the PD band (≥ 120 % of the nadir before each exam, i.e. +20 %), each point
/// labelled with its overall mRECIST category. The same numbers follow in a table.
/// </summary>
public static class ResponseChart
{
    private const double Width = 480, Height = 220, Left = 30, Right = 366, Top = 14, Bottom = 190;

    public static void Write(HtmlBuilder html, CourseView course, string idPrefix)
    {
        var points = course.Response;
        html.Open("figure", ("class", "chart-block"));
        html.Element("figcaption", "Response: target-lesion viable sum (mRECIST)");
        if (points.Count == 0)
        {
            html.Element("p", "No response chart: " + (course.BaselineMissing ?? "no measured baseline or assessment") + ".", ("class", "empty"));
            html.Close("figure");
            return;
        }
        html.Open("div", ("class", "chart-and-table response"));
        Svg(html, course, idPrefix);
        Table(html, points);
        html.Close("div").Close("figure");
    }

    private static void Svg(HtmlBuilder svg, CourseView course, string idPrefix)
    {
        var points = course.Response;
        var baseline = course.BaselineSumMm;
        var values = points.Select(p => p.SumMm).Concat(points.Where(p => p.NadirBeforeMm is not null).Select(p => p.NadirBeforeMm!.Value * 1.2));
        var y = new ValueAxis(values, Top, Bottom, floor: 0);
        var x = new TimeAxis(points.Select(p => p.Date).Concat(course.CurrentCourseSessions.Select(s => s.Date)), Left, Right);
        svg.Open("svg", ("class", "chart response-chart"), ("viewBox", $"0 0 {Width} {Height}"), ("role", "img"),
            ("aria-labelledby", idPrefix + "-response-title"), ("data-points", points.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        svg.Element("title", "Target-lesion viable sum in mm per exam with baseline, nadir and mRECIST bands", ("id", idPrefix + "-response-title"));

        if (baseline is { } b)
        {
            var prY = y.Y(b * 0.7);
            svg.Raw($"<rect class=\"band-pr\" x=\"{F(Left)}\" y=\"{F(prY)}\" width=\"{F(Right - Left)}\" height=\"{F(Bottom - prY)}\"/>");
            svg.Raw($"<text class=\"band-label\" x=\"{F(Right + 4)}\" y=\"{F(prY)}\" dy=\"10\">PR: ≤ −30 % of BL</text>");
        }
        // PD band: ≥ 120 % of the nadir in force at each exam, a step drawn from the previous exam to this one.
        var assessed = points.Where(p => p.NadirBeforeMm is not null).ToList();
        for (var i = 0; i < assessed.Count; i++)
        {
            var p = assessed[i];
            var from = i == 0 ? Math.Max(Left, x.X(points[0].Date)) : (x.X(assessed[i - 1].Date) + x.X(p.Date)) / 2;
            var to = i == assessed.Count - 1 ? Right : (x.X(p.Date) + x.X(assessed[i + 1].Date)) / 2;
            var pdY = Math.Max(Top, y.Y(p.NadirBeforeMm!.Value * 1.2));
            svg.Raw($"<rect class=\"band-pd\" x=\"{F(from)}\" y=\"{F(Top)}\" width=\"{F(to - from)}\" height=\"{F(pdY - Top)}\"/>");
            svg.Raw($"<line class=\"nadir\" x1=\"{F(from)}\" y1=\"{F(y.Y(p.NadirBeforeMm.Value))}\" x2=\"{F(to)}\" y2=\"{F(y.Y(p.NadirBeforeMm.Value))}\"/>");
        }
        if (assessed.Count > 0) svg.Raw($"<text class=\"band-label\" x=\"{F(Right + 4)}\" y=\"{F(Top)}\" dy=\"10\">PD: ≥ +20 % of nadir</text>");

        y.Draw(svg, Left, Right);
        x.Draw(svg, Top, Bottom);
        svg.Raw($"<text class=\"tick\" x=\"4\" y=\"{F(Top - 4)}\">mm</text>");
        foreach (var s in course.CurrentCourseSessions)
            svg.Raw($"<path class=\"tace-marker\" data-kind=\"tace\" d=\"M{F(x.X(s.Date))},{F(Bottom)} l-4,8 h8 z\"><title>TACE {s.Number}: {s.Date:yyyy-MM-dd}</title></path>");
        if (baseline is { } bl)
        {
            var by = F(y.Y(bl));
            svg.Raw($"<line class=\"baseline\" x1=\"{F(Left)}\" y1=\"{by}\" x2=\"{F(Right)}\" y2=\"{by}\"/>");
            svg.Raw($"<text class=\"band-label\" x=\"{F(Right + 4)}\" y=\"{by}\" dy=\"3\">baseline {HtmlBuilder.Format(bl)} mm</text>");
        }
        svg.Raw("<polyline class=\"series\" points=\"")
            .Raw(string.Join(" ", points.Select(p => $"{F(x.X(p.Date))},{F(y.Y(p.SumMm))}"))).Raw("\"/>");

        var nadirIndex = points.Select((p, i) => (p, i)).MinBy(t => t.p.SumMm).i;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var category = p.IsBaseline ? "baseline" : p.OverallResponse ?? p.TargetResponse ?? "?";
            var label = p.IsBaseline ? "BL" : category;
            var cls = "point cat-" + category + (i == nadirIndex ? " nadir-point" : "");
            svg.Open("circle", ("class", cls), ("cx", F(x.X(p.Date))), ("cy", F(y.Y(p.SumMm))), ("r", "4.5"),
                ("data-point", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("data-date", p.Date.ToString("yyyy-MM-dd")),
                ("data-sum-mm", HtmlBuilder.Format(p.SumMm)), ("data-category", category));
            svg.Element("title", $"{p.Date:yyyy-MM-dd} {p.Modality}: {HtmlBuilder.Format(p.SumMm)} mm, {category}");
            svg.Close("circle");
            svg.Element("text", label, ("class", "point-label cat-" + category), ("x", F(x.X(p.Date))), ("y", F(y.Y(p.SumMm) - 8)), ("text-anchor", "middle"));
            if (i == nadirIndex && !p.IsBaseline)
                svg.Element("text", "nadir", ("class", "band-label"), ("x", F(x.X(p.Date))), ("y", F(y.Y(p.SumMm) + 14)), ("text-anchor", "middle"));
        }
        svg.Close("svg");
    }

    private static void Table(HtmlBuilder html, IReadOnlyList<CourseView.ResponsePoint> points)
    {
        html.Open("table", ("class", "data response-table"));
        html.Raw("<thead><tr><th>Date</th><th>Exam</th><th>Sum mm</th><th>Nadir mm</th><th>Δ BL</th><th>Δ nadir</th><th>mRECIST</th></tr></thead><tbody>");
        foreach (var p in points)
        {
            html.Open("tr");
            html.Element("td", p.Date.ToString("yyyy-MM-dd"), ("class", "date"));
            html.Element("td", p.IsBaseline ? $"{p.Modality} BL" : p.Modality);
            html.Element("td", HtmlBuilder.Format(p.SumMm), ("class", "num"));
            html.Element("td", p.NadirBeforeMm is { } n ? HtmlBuilder.Format(n) : "", ("class", "num"));
            html.Element("td", Pct(p.ChangeFromBaselinePct), ("class", "num"));
            html.Element("td", Pct(p.ChangeFromNadirPct), ("class", "num"));
            // Overall response; the target response beside it only when they differ (e.g. PD from a new lesion).
            var category = p.OverallResponse ?? p.TargetResponse;
            html.Element("td", category + (p.TargetResponse is { } t && t != category ? $" (target {t})" : ""), ("class", category is null ? null : "cat-" + category));
            html.Close("tr");
        }
        html.Raw("</tbody></table>");
    }

    private static string Pct(double? v) => v is { } d ? (d > 0 ? "+" : "") + HtmlBuilder.Format(d, "0.#") + "%" : "";
}
