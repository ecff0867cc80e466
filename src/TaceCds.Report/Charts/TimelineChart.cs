using System.Globalization;
using TaceCds.Report.Html;
using TaceCds.Report.Model;
using static TaceCds.Report.Charts.TimeAxis;

namespace TaceCds.Report.Charts;

/// <summary>
/// One row per kind of event: TACE sessions, other liver-directed therapies, systemic therapies (bars) and imaging
/// exams (the baseline and each assessment coloured by its mRECIST category). The evaluation date closes the axis, so
/// a long gap since the last exam shows. A table lists the same events.
/// </summary>
public static class TimelineChart
{
    private const double Width = 640, Left = 78, Right = 628, RowHeight = 32, Top = 10, Font = 13;

    public static void Write(HtmlBuilder html, CourseView course, string idPrefix)
    {
        html.Open("figure", ("class", "chart-block"));
        html.Element("figcaption", "Timeline: TACE, other therapies, imaging");
        var events = Events(course);
        if (events.Count == 0)
        {
            html.Element("p", "No dated therapy or exam.", ("class", "empty"));
            html.Close("figure");
            return;
        }
        html.Open("div", ("class", "chart-and-table timeline"));
        html.Open("div", ("class", "chart-with-legend"));
        var categories = Svg(html, course, idPrefix, events);
        ChartLegend.Write(html, new ChartLegend.Entry[]
        {
            new("tri tace-marker", "TACE session (number)"), new("diamond therapy", "other liver-directed therapy"), new("bar systemic", "systemic therapy"),
        }.Concat(ChartLegend.Categories(categories)).Append(new("line as-of", "as-of date")));
        html.Close("div");
        Table(html, events, idPrefix + "-timeline-table");
        html.Close("div").Close("figure");
    }

    private sealed record Event(DateOnly Date, string Kind, string Detail);

    private static List<Event> Events(CourseView course)
    {
        var responses = course.Response.Where(r => !r.IsBaseline).ToDictionary(r => r.Date, r => r.OverallResponse);
        var baseline = course.Response.FirstOrDefault(r => r.IsBaseline)?.Date;
        var events = new List<Event>();
        events.AddRange(course.Sessions.Select(s => new Event(s.Date, "TACE", $"session {s.Number}" + (s.Standardized == false ? " (not standardized)" : ""))));
        events.AddRange(course.OtherTherapies.Select(t => new Event(t.Date, "Therapy", t.Kind)));
        events.AddRange(course.SystemicTherapies.Where(m => m.Start is not null)
            .Select(m => new Event(m.Start!.Value, "Systemic", m.Name + (m.End is { } e ? $" until {e:yyyy-MM-dd}" : " (ongoing)"))));
        events.AddRange(course.Exams.Select(e => new Event(e.Date, "Imaging",
            e.Modality + (e.Date == baseline ? " — baseline" : responses.TryGetValue(e.Date, out var r) && r is not null ? " — " + r : ""))));
        // A decision met on a date stays on the timeline when it became history, and says so.
        events.AddRange(course.Decisions.Select(d => new Event(d.Date, "Decision",
            $"{DefinitionNames.Title(d.Definition)} met" + (d.Relevance == "history" ? $" — history: {d.Reason}" : " — current"))));
        return events.OrderBy(e => e.Date).ToList();
    }

    /// <returns>The exam categories drawn, for the legend.</returns>
    private static HashSet<string> Svg(HtmlBuilder svg, CourseView course, string idPrefix, List<Event> events)
    {
        string[] rows = ["TACE", "Therapy", "Systemic", "Imaging"];
        var height = Top + rows.Length * RowHeight + 36;
        var dates = course.Sessions.Select(s => s.Date)
            .Concat(course.OtherTherapies.Select(t => t.Date))
            .Concat(course.SystemicTherapies.SelectMany(m => new[] { m.Start, m.End }).OfType<DateOnly>())
            .Concat(course.Exams.Select(e => e.Date));
        if (course.AsOf is { } asOf) dates = dates.Append(asOf);
        var x = new TimeAxis(dates, Left, Right);
        var bottom = Top + rows.Length * RowHeight + 12;
        svg.Open("svg", ("class", "chart timeline-chart"), ("viewBox", $"0 0 {Width} {F(height)}"), ("role", "img"),
            ("aria-labelledby", idPrefix + "-timeline-title"), ("aria-describedby", $"{idPrefix}-timeline-desc {idPrefix}-timeline-table"));
        svg.Element("title", "Timeline of TACE sessions, other therapies, systemic therapies and imaging exams", ("id", idPrefix + "-timeline-title"));
        svg.Element("desc", string.Join("; ", events.Select(e => $"{e.Date:yyyy-MM-dd} {e.Kind}: {e.Detail}")), ("id", idPrefix + "-timeline-desc"));
        x.Draw(svg, Top, bottom, 10);
        for (var i = 0; i < rows.Length; i++)
            svg.Element("text", rows[i], ("class", "row-label"), ("x", "4"), ("y", F(RowY(i) + Font / 3)));

        foreach (var s in course.Sessions)
        {
            var cx = x.X(s.Date);
            svg.Raw($"<g class=\"event tace\" data-kind=\"tace\" data-date=\"{s.Date:yyyy-MM-dd}\"><path d=\"M{F(cx)},{F(RowY(0) - 8)} l7,12 h-14 z\"/>");
            svg.Raw($"<text class=\"event-label\" x=\"{F(cx)}\" y=\"{F(RowY(0) + 4 + Font)}\" text-anchor=\"middle\">{s.Number}</text>");
            svg.Raw($"<title>TACE {s.Number}: {s.Date:yyyy-MM-dd}</title></g>");
        }
        // Labels that would overlap the previous one in their row are left out: the title and the table carry them.
        var therapyLabels = new List<(double, double)>();
        foreach (var t in course.OtherTherapies)
        {
            var cx = x.X(t.Date);
            svg.Raw($"<g class=\"event therapy\" data-kind=\"therapy\" data-date=\"{t.Date:yyyy-MM-dd}\"><path d=\"M{F(cx)},{F(RowY(1) - 7)} l7,7 l-7,7 l-7,-7 z\"/>");
            if (Free(therapyLabels, cx, t.Kind.Length))
                svg.Element("text", t.Kind, ("class", "event-label"), ("x", F(cx + 9)), ("y", F(RowY(1) + Font / 3)));
            svg.Raw("<title>").Text($"{t.Kind}: {t.Date:yyyy-MM-dd}").Raw("</title></g>");
        }
        // Drugs given together (same start and end, e.g. atezolizumab + bevacizumab) share one bar.
        var regimens = course.SystemicTherapies.Where(m => m.Start is not null).GroupBy(m => (m.Start, m.End))
            .Select(g => new CourseView.Systemic(g.Key.Start, g.Key.End, string.Join(" + ", g.Select(m => m.Name))));
        var systemicLabels = new List<(double, double)>();
        foreach (var m in regimens)
        {
            var x1 = x.X(m.Start!.Value);
            var x2 = m.End is { } end ? x.X(end) : course.AsOf is { } a ? x.X(a) : x1 + 6;
            svg.Raw($"<g class=\"event systemic\" data-kind=\"systemic\" data-date=\"{m.Start:yyyy-MM-dd}\"><rect x=\"{F(x1)}\" y=\"{F(RowY(2) - 5)}\" width=\"{F(Math.Max(3, x2 - x1))}\" height=\"10\" rx=\"3\"/>");
            if (Free(systemicLabels, x1, m.Name.Length))
                svg.Element("text", m.Name, ("class", "event-label"), ("x", F(x1 + 3)), ("y", F(RowY(2) + 5 + Font)));
            svg.Raw("<title>").Text($"{m.Name}: from {m.Start:yyyy-MM-dd}" + (m.End is { } e ? $" to {e:yyyy-MM-dd}" : "")).Raw("</title></g>");
        }
        var responses = course.Response.ToDictionary(r => r.Date, r => r.IsBaseline ? "baseline" : r.OverallResponse ?? "assessed");
        var examLabels = new List<(double, double)>();
        var categories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in course.Exams)
        {
            var cx = x.X(e.Date);
            var category = responses.GetValueOrDefault(e.Date, "none");
            svg.Open("g", ("class", "event exam cat-" + category), ("data-kind", "exam"), ("data-date", e.Date.ToString("yyyy-MM-dd")));
            svg.Raw($"<circle cx=\"{F(cx)}\" cy=\"{F(RowY(3))}\" r=\"5\"/>");
            categories.Add(category);
            if (Free(examLabels, cx - e.Modality.Length * Font * 0.31, e.Modality.Length))
                svg.Element("text", e.Modality, ("class", "event-label"), ("x", F(cx)), ("y", F(RowY(3) + 5 + Font)), ("text-anchor", "middle"));
            svg.Element("title", $"{e.Modality} {e.Date:yyyy-MM-dd}: {category}");
            svg.Close("g");
        }
        if (course.AsOf is { } asOfDay)
        {
            var ax = F(x.X(asOfDay));
            svg.Raw($"<line class=\"as-of\" x1=\"{ax}\" y1=\"{F(Top)}\" x2=\"{ax}\" y2=\"{F(bottom)}\"/>");
            svg.Raw($"<text class=\"band-label\" x=\"{ax}\" y=\"{F(Top + 2)}\" text-anchor=\"end\" dx=\"-2\">as of</text>");
        }
        svg.Close("svg");
        return categories;
    }

    /// <summary>Reserves the span of a label starting at <paramref name="x"/> when it overlaps none already placed in its row.</summary>
    private static bool Free(List<(double From, double To)> placed, double x, int chars)
    {
        var span = (From: x - 2, To: x + chars * Font * 0.62 + 2);
        if (placed.Any(p => p.From < span.To && span.From < p.To)) return false;
        placed.Add(span);
        return true;
    }

    private static double RowY(int row) => Top + row * RowHeight + RowHeight / 2;

    private static void Table(HtmlBuilder html, List<Event> events, string id)
    {
        html.Open("table", ("class", "data timeline-table"), ("id", id));
        html.Raw("<thead><tr><th>Date</th><th>Event</th><th>Detail</th></tr></thead><tbody>");
        foreach (var e in events)
        {
            html.Open("tr");
            html.Element("td", e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ("class", "date"));
            html.Element("td", e.Kind);
            html.Element("td", e.Detail);
            html.Close("tr");
        }
        html.Raw("</tbody></table>");
    }
}
