using System.Globalization;
using TaceCds.Report.Html;
using TaceCds.Report.Model;
using static TaceCds.Report.Charts.TimeAxis;

namespace TaceCds.Report.Charts;

/// <summary>
/// Target-lesion viable sum (mRECIST, Lencioni &amp; Llovet 2010) per exam: the baseline, the nadir, the PR threshold
/// (≤ 70 % of baseline, i.e. −30 %) and the PD threshold (≥ 120 % of the nadir before each exam, i.e. +20 %) as lines
/// with a light narrow strip on their side (the thresholds matter, not the area beyond them), each point labelled with
/// its overall mRECIST category, the lowest point also "nadir". A legend, an SVG title and description, and the same
/// numbers in the table beside it (aria-describedby) make it readable without colour and without the picture.
/// </summary>
public static class ResponseChart
{
    private const double Width = 600, Height = 250, Left = 44, Right = 468, Top = 16, Bottom = 214, Font = 13, Strip = 7;

    public static void Write(HtmlBuilder html, CourseView course, string idPrefix)
    {
        var points = course.Response;
        html.Open("figure", ("class", "chart-block response-block"));
        html.Element("figcaption", "Response: target-lesion viable sum (mRECIST)");
        if (points.Count == 0)
        {
            html.Element("p", "No response chart: " + (course.BaselineMissing ?? "no measured baseline or assessment") + ".", ("class", "empty"));
            html.Close("figure");
            return;
        }
        html.Open("div", ("class", "chart-and-table response"));
        html.Open("div", ("class", "chart-with-legend"));
        Svg(html, course, idPrefix);
        var categories = points.Select(Category).Distinct();
        ChartLegend.Write(html, ChartLegend.Categories(categories).Concat(
        [
            new("line baseline", "baseline sum"), new("line nadir", "nadir before the exam"),
            new("strip band-pr", "PR: ≤ 70 % of baseline"), new("strip band-pd", "PD: ≥ 120 % of nadir"), new("tri tace-marker", "TACE session"),
        ]));
        html.Close("div");
        Table(html, points, idPrefix + "-response-table");
        html.Close("div").Close("figure");
    }

    private static string Category(CourseView.ResponsePoint p) => p.IsBaseline ? "baseline" : p.OverallResponse ?? p.TargetResponse ?? "assessed";

    private static void Svg(HtmlBuilder svg, CourseView course, string idPrefix)
    {
        var points = course.Response;
        var baseline = course.BaselineSumMm;
        var values = points.Select(p => p.SumMm).Concat(points.Where(p => p.NadirBeforeMm is not null).Select(p => p.NadirBeforeMm!.Value * 1.2));
        var y = new ValueAxis(values, Top + Font, Bottom, floor: 0);
        var x = new TimeAxis(points.Select(p => p.Date).Concat(course.CurrentCourseSessions.Select(s => s.Date)), Left, Right);
        var titleId = idPrefix + "-response-title";
        var descId = idPrefix + "-response-desc";
        svg.Open("svg", ("class", "chart response-chart"), ("viewBox", $"0 0 {Width} {Height}"), ("role", "img"),
            ("aria-labelledby", titleId), ("aria-describedby", $"{descId} {idPrefix}-response-table"),
            ("data-points", points.Count.ToString(CultureInfo.InvariantCulture)));
        svg.Element("title", "Target-lesion viable sum in mm per exam with baseline, nadir and mRECIST thresholds", ("id", titleId));
        svg.Element("desc", string.Join("; ", points.Select(p => $"{p.Date:yyyy-MM-dd} {HtmlBuilder.Format(p.SumMm)} mm {Category(p)}")), ("id", descId));

        var sideLabels = new List<(double Y, string Text, string Class)>();
        if (baseline is { } b)
        {
            var prY = y.Y(b * 0.7);
            svg.Raw($"<rect class=\"band-pr\" x=\"{F(Left)}\" y=\"{F(prY)}\" width=\"{F(Right - Left)}\" height=\"{F(Math.Min(Strip, Bottom - prY))}\"/>");
            svg.Raw($"<line class=\"threshold-pr\" x1=\"{F(Left)}\" y1=\"{F(prY)}\" x2=\"{F(Right)}\" y2=\"{F(prY)}\"/>");
            sideLabels.Add((prY, "PR ≤ 70 % BL", "band-label"));
        }
        // PD threshold: ≥ 120 % of the nadir in force at each exam, a step drawn from the previous exam to this one.
        var assessed = points.Where(p => p.NadirBeforeMm is not null).ToList();
        for (var i = 0; i < assessed.Count; i++)
        {
            var p = assessed[i];
            var from = i == 0 ? Math.Max(Left, x.X(points[0].Date)) : (x.X(assessed[i - 1].Date) + x.X(p.Date)) / 2;
            var to = i == assessed.Count - 1 ? Right : (x.X(p.Date) + x.X(assessed[i + 1].Date)) / 2;
            var pdY = Math.Max(Top, y.Y(p.NadirBeforeMm!.Value * 1.2));
            svg.Raw($"<rect class=\"band-pd\" x=\"{F(from)}\" y=\"{F(Math.Max(Top, pdY - Strip))}\" width=\"{F(to - from)}\" height=\"{F(Math.Min(Strip, pdY - Top))}\"/>");
            svg.Raw($"<line class=\"threshold-pd\" x1=\"{F(from)}\" y1=\"{F(pdY)}\" x2=\"{F(to)}\" y2=\"{F(pdY)}\"/>");
            svg.Raw($"<line class=\"nadir\" x1=\"{F(from)}\" y1=\"{F(y.Y(p.NadirBeforeMm.Value))}\" x2=\"{F(to)}\" y2=\"{F(y.Y(p.NadirBeforeMm.Value))}\"/>");
            if (i == assessed.Count - 1) sideLabels.Add((pdY, "PD ≥ 120 % nadir", "band-label"));
        }

        y.Draw(svg, Left, Right);
        x.Draw(svg, Top, Bottom);
        svg.Raw($"<text class=\"tick\" x=\"4\" y=\"{F(Top)}\">mm</text>");
        foreach (var s in course.CurrentCourseSessions)
            svg.Raw($"<path class=\"tace-marker\" data-kind=\"tace\" d=\"M{F(x.X(s.Date))},{F(Bottom)} l-5,9 h10 z\"><title>TACE {s.Number}: {s.Date:yyyy-MM-dd}</title></path>");
        if (baseline is { } bl)
        {
            var by = y.Y(bl);
            svg.Raw($"<line class=\"baseline\" x1=\"{F(Left)}\" y1=\"{F(by)}\" x2=\"{F(Right)}\" y2=\"{F(by)}\"/>");
            sideLabels.Add((by, $"BL {HtmlBuilder.Format(bl)} mm", "band-label"));
        }
        SideLabels(svg, sideLabels);
        svg.Raw("<polyline class=\"series\" points=\"")
            .Raw(string.Join(" ", points.Select(p => $"{F(x.X(p.Date))},{F(y.Y(p.SumMm))}"))).Raw("\"/>");

        var nadirIndex = points.Select((p, i) => (p, i)).MinBy(t => t.p.SumMm).i;
        const double radius = 5;
        var placer = new LabelPlacer(Font);
        foreach (var p in points) placer.Obstacle(x.X(p.Date), y.Y(p.SumMm), radius);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var category = Category(p);
            var cls = "point cat-" + category + (i == nadirIndex ? " nadir-point" : "");
            var (px, py) = (x.X(p.Date), y.Y(p.SumMm));
            svg.Open("circle", ("class", cls), ("cx", F(px)), ("cy", F(py)), ("r", F(radius)),
                ("data-point", i.ToString(CultureInfo.InvariantCulture)), ("data-date", p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("data-sum-mm", HtmlBuilder.Format(p.SumMm)), ("data-category", category));
            svg.Element("title", $"{p.Date:yyyy-MM-dd} {p.Modality}: {HtmlBuilder.Format(p.SumMm)} mm, {category}");
            svg.Close("circle");
        }
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var category = Category(p);
            var label = (p.IsBaseline ? "BL" : category) + (i == nadirIndex && !p.IsBaseline ? " nadir" : "");
            var (lx, ly, anchor) = placer.Place(label, x.X(p.Date), y.Y(p.SumMm), radius, 0, Right + 2, 0, Bottom);
            svg.Element("text", label, ("class", "point-label cat-" + category), ("x", F(lx)), ("y", F(ly)), ("text-anchor", anchor),
                ("data-label-for", i.ToString(CultureInfo.InvariantCulture)));
        }
        svg.Close("svg");
    }

    /// <summary>Threshold labels in the right margin, pushed apart so that none overlaps another.</summary>
    private static void SideLabels(HtmlBuilder svg, List<(double Y, string Text, string Class)> labels)
    {
        var sorted = labels.OrderBy(l => l.Y).ToList();
        var placed = new List<double>();
        foreach (var l in sorted)
        {
            var yPos = Math.Max(l.Y + Font / 3, placed.Count == 0 ? Font : placed[^1] + Font + 2);
            placed.Add(yPos);
        }
        // Labels pushed past the bottom move the whole stack up.
        var overflow = placed.Count == 0 ? 0 : placed[^1] - (Height - 4);
        for (var i = 0; i < sorted.Count; i++)
            svg.Element("text", sorted[i].Text, ("class", sorted[i].Class), ("x", F(Right + 6)), ("y", F(placed[i] - Math.Max(0, overflow))));
    }

    private static void Table(HtmlBuilder html, IReadOnlyList<CourseView.ResponsePoint> points, string id)
    {
        html.Open("table", ("class", "data response-table"), ("id", id));
        html.Raw("<thead><tr><th>Date</th><th>Exam</th><th>Sum mm</th><th>Nadir mm</th><th>Δ BL</th><th>Δ nadir</th><th>mRECIST</th></tr></thead><tbody>");
        foreach (var p in points)
        {
            html.Open("tr");
            html.Element("td", p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ("class", "date"));
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
