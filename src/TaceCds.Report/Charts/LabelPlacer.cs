namespace TaceCds.Report.Charts;

/// <summary>
/// Places short text labels next to chart points so that no label covers a point or another label: each label tries
/// above its point, then below, then right, then left, and takes the first free place (else the least crowded one).
/// Text width is estimated from the character count; SVG has no layout engine to ask at render time.
/// </summary>
public sealed class LabelPlacer(double fontSize)
{
    private readonly List<(double X1, double Y1, double X2, double Y2)> _taken = [];

    /// <summary>Marks a point (circle of radius <paramref name="r"/>) as space no label may cover.</summary>
    public void Obstacle(double x, double y, double r) => _taken.Add((x - r, y - r, x + r, y + r));

    /// <summary>The baseline position (x, y) and text-anchor of a label for the point at (x, y).</summary>
    public (double X, double Y, string Anchor) Place(string text, double x, double y, double r, double minX, double maxX, double minY, double maxY)
    {
        var width = text.Length * fontSize * 0.62;
        var height = fontSize;
        var gap = r + 3;
        (double X, double Y, string Anchor)[] candidates =
        [
            (x, y - gap, "middle"), (x, y + gap + height, "middle"), (x + gap, y + height / 3, "start"), (x - gap, y + height / 3, "end"),
            (x, y - gap - height, "middle"), (x, y + gap + 2 * height, "middle"),
        ];
        (double X, double Y, string Anchor, int Overlaps)? best = null;
        foreach (var (cx, cy, anchor) in candidates)
        {
            var x1 = anchor switch { "middle" => cx - width / 2, "end" => cx - width, _ => cx };
            var box = (X1: x1, Y1: cy - height * 0.8, X2: x1 + width, Y2: cy + height * 0.2);
            if (box.X1 < minX || box.X2 > maxX || box.Y1 < minY || box.Y2 > maxY) continue;
            var overlaps = _taken.Count(t => t.X1 < box.X2 && box.X1 < t.X2 && t.Y1 < box.Y2 && box.Y1 < t.Y2);
            if (best is null || overlaps < best.Value.Overlaps) best = (cx, cy, anchor, overlaps);
            if (overlaps == 0) break;
        }
        var (bx, by, ba, _) = best ?? (x, y - gap, "middle", 0);
        var bx1 = ba switch { "middle" => bx - width / 2, "end" => bx - width, _ => bx };
        _taken.Add((bx1, by - height * 0.8, bx1 + width, by + height * 0.2));
        return (bx, by, ba);
    }
}
