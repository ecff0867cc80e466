using System.Globalization;
using System.Text.RegularExpressions;

namespace TaceCds.Service.Tests.Telemetry;

/// <summary>The samples of a Prometheus text exposition, read into name, labels and value.</summary>
public sealed partial record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public static IReadOnlyList<PrometheusSample> Parse(string text) =>
        text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(ParseLine).ToList();

    private static PrometheusSample ParseLine(string line)
    {
        var match = Line().Match(line);
        Assert.True(match.Success, $"not a Prometheus sample line: {line}");
        var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var value = match.Groups["value"].Value;
        return new PrometheusSample(match.Groups["name"].Value, labels,
            value == "+Inf" ? double.PositiveInfinity : double.Parse(value, CultureInfo.InvariantCulture));
    }

    /// <summary>The samples of one metric whose labels include every given pair.</summary>
    public static IEnumerable<PrometheusSample> Where(IEnumerable<PrometheusSample> samples, string name, params (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$")]
    private static partial Regex Line();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Label();
}
