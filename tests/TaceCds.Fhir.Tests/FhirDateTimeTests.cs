using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests;

public class FhirDateTimeTests
{
    [Theory]
    [InlineData("2024", DateTimePrecision.Year, "2024-01-01")]
    [InlineData("2024-07", DateTimePrecision.Month, "2024-07-01")]
    [InlineData("2024-07-15", DateTimePrecision.Day, "2024-07-15")]
    [InlineData("2024-07-15T23:30+08:00", DateTimePrecision.Minute, "2024-07-15")]
    [InlineData("2024-07-15T23:30:10Z", DateTimePrecision.Second, "2024-07-15")]
    [InlineData("2024-07-15T23:30:10.123456789-03:30", DateTimePrecision.Second, "2024-07-15")]
    [InlineData("2024-07-15T01:00:00", DateTimePrecision.Second, "2024-07-15")]
    [InlineData("2024-02-29", DateTimePrecision.Day, "2024-02-29")]
    public void Valid_values_keep_precision_and_local_day(string text, DateTimePrecision precision, string day)
    {
        Assert.True(FhirDateTime.TryParse(text, out var value));
        Assert.Equal(precision, value!.Precision);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), value.Date);
        Assert.Equal(text, value.ToString());
    }

    [Fact]
    public void Offset_is_kept_and_ordering_uses_the_instant()
    {
        var tokyo = FhirDateTime.Parse("2024-07-15T09:00:00+09:00");
        var utc = FhirDateTime.Parse("2024-07-15T00:00:00Z");
        Assert.Equal(TimeSpan.FromHours(9), tokyo.Start.Offset);
        Assert.Equal(0, tokyo.CompareTo(utc));
        Assert.True(FhirDateTime.Parse("2024-07-15T00:00:01Z").CompareTo(tokyo) > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("2024-13")]
    [InlineData("2023-02-29")]
    [InlineData("2024-04-31")]
    [InlineData("2024-07-15T24:00:00Z")]
    [InlineData("2024-07-15T10:00:00+15:00")]
    [InlineData("2024-07-15 10:00:00Z")]
    [InlineData("2024-7-15")]
    [InlineData("2024-07-15T10Z")]
    public void Invalid_values_are_refused(string text)
    {
        Assert.False(FhirDateTime.TryParse(text, out var value));
        Assert.Null(value);
        Assert.Throws<FormatException>(() => FhirDateTime.Parse(text));
    }
}
