using System.Globalization;
using TaceCds.Report.Html;

namespace TaceCds.Report.Charts;

/// <summary>Maps dates to x positions between <see cref="Left"/> and <see cref="Right"/>, with month ticks.</summary>
public sealed class TimeAxis
{
    public DateOnly First { get; }
    public DateOnly Last { get; }
    public double Left { get; }
    public double Right { get; }

    public TimeAxis(IEnumerable<DateOnly> dates, double left, double right)
    {
        var list = dates.ToList();
        var first = list.Count == 0 ? new DateOnly(2000, 1, 1) : list.Min();
        var last = list.Count == 0 ? first : list.Max();
        // Pad by a fortnight each side so that markers on the first and last day are not cut by the frame.
        First = first.AddDays(-14);
        Last = last.AddDays(14);
        Left = left;
        Right = right;
    }

    public double X(DateOnly date) =>
        Left + (Right - Left) * (date.DayNumber - First.DayNumber) / Math.Max(1, Last.DayNumber - First.DayNumber);

    /// <summary>First days of months, every 1, 2, 3, 6 or 12 months so that at most <paramref name="maxTicks"/> are drawn.</summary>
    public IEnumerable<DateOnly> Ticks(int maxTicks = 8)
    {
        var months = (Last.Year - First.Year) * 12 + Last.Month - First.Month + 1;
        var step = new[] { 1, 2, 3, 6, 12, 24 }.FirstOrDefault(s => months / s <= maxTicks, 36);
        var tick = new DateOnly(First.Year, 1, 1);
        while (tick <= Last)
        {
            if (tick >= First) yield return tick;
            tick = tick.AddMonths(step);
        }
    }

    /// <summary>Vertical grid lines and month labels along the bottom edge at <paramref name="y"/>.</summary>
    public void Draw(HtmlBuilder svg, double top, double y, int maxTicks = 8)
    {
        svg.Raw($"<line class=\"axis\" x1=\"{F(Left)}\" y1=\"{F(y)}\" x2=\"{F(Right)}\" y2=\"{F(y)}\"/>");
        foreach (var tick in Ticks(maxTicks))
        {
            var x = X(tick);
            svg.Raw($"<line class=\"grid\" x1=\"{F(x)}\" y1=\"{F(top)}\" x2=\"{F(x)}\" y2=\"{F(y)}\"/>");
            svg.Raw($"<text class=\"tick\" x=\"{F(x)}\" y=\"{F(y + 15)}\" text-anchor=\"middle\">{tick.ToString(tick.Month == 1 ? "yyyy" : "MMM yy", CultureInfo.InvariantCulture)}</text>");
        }
    }

    public static string F(double v) => HtmlBuilder.Format(v, "0.#");
}
