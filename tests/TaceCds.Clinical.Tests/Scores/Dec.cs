using System.Globalization;

namespace TaceCds.Clinical.Tests.Scores;

/// <summary>
/// Attributes cannot hold decimals, so test data writes them as strings: "1.7" is parsed to exactly 1.7m,
/// never through a binary double.
/// </summary>
internal static class Dec
{
    public static decimal? N(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    public static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
