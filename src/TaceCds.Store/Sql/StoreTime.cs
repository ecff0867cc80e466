using System.Globalization;

namespace TaceCds.Store.Sql;

/// <summary>
/// Instants are stored as fixed-width UTC text ("2026-03-01T12:00:00.0000000Z") in both backends: one query
/// text serves both, text order is time order, and 100 ns precision keeps feedback timestamps exact for the
/// idempotency key.
/// </summary>
internal static class StoreTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset t) => t.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string s) =>
        new(DateTime.ParseExact(s, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
