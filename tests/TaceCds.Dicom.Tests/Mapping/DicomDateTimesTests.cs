using TaceCds.Dicom.Mapping;

namespace TaceCds.Dicom.Tests.Mapping;

public sealed class DicomDateTimesTests
{
    [Theory]
    [InlineData("20240315", "101530.25", "+0100", "2024-03-15T10:15:30+01:00")]
    [InlineData("20240315", "1015", "-0500", "2024-03-15T10:15:00-05:00")]
    [InlineData("20240315", "101530", null, "2024-03-15")]
    [InlineData("20240315", null, "+0000", "2024-03-15")]
    [InlineData(null, "101530", "+0100", null)]
    public void FormatsAsFhirDateTime(string? da, string? tm, string? tz, string? expected) =>
        Assert.Equal(expected, DicomDateTimes.ToFhirDateTime(da, tm, tz, 0));

    [Theory]
    [InlineData("2024031", null)]
    [InlineData("20241315", null)]
    [InlineData("20240315", "2561")]
    [InlineData("20240315", "1a")]
    public void InvalidValuesGiveDcm203(string da, string? tm)
    {
        var ex = Assert.Throws<DicomFormatException>(() => DicomDateTimes.ToFhirDateTime(da, tm, "+0100", 42));
        Assert.Equal(DicomErrorCodes.BadDateTime, ex.Code);
        Assert.Equal(42, ex.Offset);
    }

    [Theory]
    [InlineData("20240315101530.123456+0100", null, "2024-03-15T10:15:30.123456+01:00")]
    [InlineData("20240315101530", "-0500", "2024-03-15T10:15:30-05:00")]
    [InlineData("20240315101530", null, "2024-03-15")]
    [InlineData("202403151015+0000", null, "2024-03-15T10:15:00+00:00")]
    [InlineData("20240315", "+0100", "2024-03-15")]
    [InlineData("202403", null, "2024-03")]
    [InlineData("2024", null, "2024")]
    public void DateTimeValuesBecomeFhirDateTimes(string dt, string? tz, string expected) =>
        Assert.Equal(expected, DicomDateTimes.DateTimeToFhir(dt, tz, 0));

    [Theory]
    [InlineData("20241")]
    [InlineData("202413")]
    [InlineData("20240315101530.1234567")]
    [InlineData("2024031510153X")]
    public void InvalidDateTimeValuesGiveDcm203(string dt) =>
        Assert.Equal(DicomErrorCodes.BadDateTime, Assert.Throws<DicomFormatException>(() => DicomDateTimes.DateTimeToFhir(dt, null, 7)).Code);
}
