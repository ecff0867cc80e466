using System.Globalization;

namespace TaceCds.Report;

/// <summary>
/// A one-line progress bar redrawn in place with a carriage return. The caller decides whether the writer is a
/// terminal (the CLI draws it on stderr only when stderr is not redirected, so files and pipes never get it).
/// Redraws only when the drawn text changes, so 10,000 updates cost a few hundred writes.
/// </summary>
public sealed class TerminalProgressBar(TextWriter writer, int total, int width = 30)
{
    private string? _last;

    public void Report(int done, string stage)
    {
        done = Math.Clamp(done, 0, Math.Max(total, 0));
        var filled = total <= 0 ? width : done * width / total;
        var line = $"\r[{new string('#', filled)}{new string('.', width - filled)}] {done.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)} {stage}";
        if (line == _last) return;
        // Pad to the previous length so that a shorter stage name leaves no stale characters behind.
        writer.Write(_last is not null && _last.Length > line.Length ? line.PadRight(_last.Length) : line);
        writer.Flush();
        _last = line;
    }

    /// <summary>Ends the bar's line so that later output starts on a fresh one.</summary>
    public void Finish()
    {
        if (_last is null) return;
        writer.WriteLine();
        writer.Flush();
    }
}
