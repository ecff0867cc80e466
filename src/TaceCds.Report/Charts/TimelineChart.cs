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
    private const double Width = 480, Left = 62, Right = 470, RowHeight = 26, Top = 8;

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
        html.Open("div", ("class", "chart-and-table"));
        Svg(html, course, idPrefix);
        Table(html, events);
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

    private static void Svg(HtmlBuilder svg, CourseView course, string idPrefix)
    {
        string[] rows = ["TACE", "Therapy", "Systemic", "Imaging"];
        var height = Top + rows.Length * RowHeight + 20;
        var dates = course.Sessions.Select(s => s.Date)
            .Concat(course.OtherTherapies.Select(t => t.Date))
            .Concat(course.SystemicTherapies.SelectMany(m => new[] { m.Start, m.End }).OfType<DateOnly>())
            .Concat(course.Exams.Select(e => e.Date));
        if (course.AsOf is { } asOf) dates = dates.Append(asOf);
        var x = new TimeAxis(dates, Left, Right);
        var bottom = Top + rows.Length * RowHeight;
        svg.Open("svg", ("class", "chart timeline-chart"), ("viewBox", $"0 0 {Width} {F(height)}"), ("role", "img"), ("aria-labelledby", idPrefix + "-timeline-title"));
        svg.Element("title", "Timeline of TACE sessions, other therapies, systemic therapies and imaging exams", ("id", idPrefix + "-timeline-title"));
        x.Draw(svg, Top, bottom, 10);
        for (var i = 0; i < rows.Length; i++)
            svg.Element("text", rows[i], ("class", "row-label"), ("x", "4"), ("y", F(RowY(i) + 4)));

        foreach (var s in course.Sessions)
        {
            var cx = x.X(s.Date);
            svg.Raw($"<g class=\"event tace\" data-kind=\"tace\" data-date=\"{s.Date:yyyy-MM-dd}\"><path d=\"M{F(cx)},{F(RowY(0) - 7)} l7,12 h-14 z\"/>");
            svg.Raw($"<text class=\"event-label\" x=\"{F(cx)}\" y=\"{F(RowY(0) + 16)}\" text-anchor=\"middle\">{s.Number}</text>");
            svg.Raw($"<title>TACE {s.Number}: {s.Date:yyyy-MM-dd}</title></g>");
        }
        foreach (var t in course.OtherTherapies)
        {
            var cx = x.X(t.Date);
            svg.Raw($"<g class=\"event therapy\" data-kind=\"therapy\" data-date=\"{t.Date:yyyy-MM-dd}\"><path d=\"M{F(cx)},{F(RowY(1) - 7)} l7,7 l-7,7 l-7,-7 z\"/>");
            svg.Element("text", t.Kind, ("class", "event-label"), ("x", F(cx + 9)), ("y", F(RowY(1) + 4)));
            svg.Raw("<title>").Text($"{t.Kind}: {t.Date:yyyy-MM-dd}").Raw("</title></g>");
        }
        // Drugs given together (same start and end, e.g. atezolizumab + bevacizumab) share one bar.
        var regimens = course.SystemicTherapies.Where(m => m.Start is not null).GroupBy(m => (m.Start, m.End))
            .Select(g => new CourseView.Systemic(g.Key.Start, g.Key.End, string.Join(" + ", g.Select(m => m.Name))));
        foreach (var m in regimens)
        {
            var x1 = x.X(m.Start!.Value);
            var x2 = m.End is { } end ? x.X(end) : course.AsOf is { } a ? x.X(a) : x1 + 6;
            svg.Raw($"<g class=\"event systemic\" data-kind=\"systemic\" data-date=\"{m.Start:yyyy-MM-dd}\"><rect x=\"{F(x1)}\" y=\"{F(RowY(2) - 5)}\" width=\"{F(Math.Max(3, x2 - x1))}\" height=\"10\" rx=\"3\"/>");
            svg.Element("text", m.Name, ("class", "event-label"), ("x", F(x1 + 3)), ("y", F(RowY(2) + 15)));
            svg.Raw("<title>").Text($"{m.Name}: from {m.Start:yyyy-MM-dd}" + (m.End is { } e ? $" to {e:yyyy-MM-dd}" : "")).Raw("</title></g>");
        }
        var responses = course.Response.ToDictionary(r => r.Date, r => r.IsBaseline ? "baseline" : r.OverallResponse ?? "assessed");
        foreach (var e in course.Exams)
        {
            var cx = x.X(e.Date);
            var category = responses.GetValueOrDefault(e.Date, "none");
            svg.Open("g", ("class", "event exam cat-" + category), ("data-kind", "exam"), ("data-date", e.Date.ToString("yyyy-MM-dd")));
            svg.Raw($"<circle cx=\"{F(cx)}\" cy=\"{F(RowY(3))}\" r=\"5\"/>");
            svg.Element("text", e.Modality, ("class", "event-label"), ("x", F(cx)), ("y", F(RowY(3) + 15)), ("text-anchor", "middle"));
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
    }

    private static double RowY(int row) => Top + row * RowHeight + RowHeight / 2;

    private static void Table(HtmlBuilder html, List<Event> events)
    {
        html.Open("table", ("class", "data timeline-table"));
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
