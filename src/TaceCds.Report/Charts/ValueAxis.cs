using TaceCds.Report.Html;

namespace TaceCds.Report.Charts;

/// <summary>Maps values to y positions (linear or log10), with "nice" tick values.</summary>
public sealed class ValueAxis
{
    public double Min { get; }
    public double Max { get; }
    public double Top { get; }
    public double Bottom { get; }
    public bool Log { get; }

    public ValueAxis(IEnumerable<double> values, double top, double bottom, bool log = false, double? floor = null)
    {
        var list = values.Where(double.IsFinite).ToList();
        Log = log && list.Count > 0 && list.All(v => v > 0);
        if (Log) list = list.Select(Math.Log10).ToList();
        var min = list.Count == 0 ? 0 : list.Min();
        var max = list.Count == 0 ? 1 : list.Max();
        if (floor is { } f && !Log) min = Math.Min(min, f);
        if (max - min < 1e-9) { min -= 1; max += 1; }
        // Lab noise of ±2 % must not look like a trend: a linear axis spans at least a quarter of the largest magnitude.
        var minSpan = Log ? 0 : 0.25 * Math.Max(Math.Abs(min), Math.Abs(max));
        if (max - min < minSpan) { var mid = (max + min) / 2; min = mid - minSpan / 2; max = mid + minSpan / 2; }
        var pad = (max - min) * 0.08;
        Min = Log ? Math.Floor(min) : (floor is { } fl && min >= fl ? min : min - pad);
        Max = Log ? Math.Ceiling(max + 1e-9) : max + pad;
        Top = top;
        Bottom = bottom;
    }

    public double Y(double value)
    {
        var v = Log ? Math.Log10(Math.Max(value, 1e-9)) : value;
        return Bottom - (Bottom - Top) * (v - Min) / (Max - Min);
    }

    /// <summary>Tick values: powers of ten on a log axis, else 1-2-5 steps giving about four ticks.</summary>
    public IEnumerable<double> Ticks()
    {
        if (Log)
        {
            for (var p = Min; p <= Max + 1e-9; p++) yield return Math.Pow(10, p);
            yield break;
        }
        var raw = (Max - Min) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        for (var v = Math.Ceiling(Min / step) * step; v <= Max + 1e-9; v += step) yield return Math.Round(v, 10);
    }

    public void Draw(HtmlBuilder svg, double left, double right)
    {
        foreach (var t in Ticks())
        {
            var y = TimeAxis.F(Y(t));
            svg.Raw($"<line class=\"grid\" x1=\"{TimeAxis.F(left)}\" y1=\"{y}\" x2=\"{TimeAxis.F(right)}\" y2=\"{y}\"/>");
            svg.Raw($"<text class=\"tick\" x=\"{TimeAxis.F(left - 3)}\" y=\"{y}\" dy=\"3\" text-anchor=\"end\">{HtmlBuilder.Format(t, "0.##")}</text>");
        }
    }
}
