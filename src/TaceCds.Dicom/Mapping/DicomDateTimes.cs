using System.Globalization;

namespace TaceCds.Dicom.Mapping;

/// <summary>
/// DICOM DA/TM (PS3.5 6.2) to FHIR dateTime. FHIR requires a UTC offset whenever a time is given, so the time
/// is kept only when the file states its offset (Timezone Offset From UTC, 0008,0201); otherwise only the date
/// is emitted rather than inventing a zone. Invalid dates give DCM203.
/// </summary>
public static class DicomDateTimes
{
    public static string? ToFhirDateTime(string? da, string? tm, string? timezoneOffset, long offsetForErrors)
    {
        if (string.IsNullOrEmpty(da))
            return null;
        if (da.Length != 8 || !DateOnly.TryParseExact(da, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new DicomFormatException(DicomErrorCodes.BadDateTime, offsetForErrors, $"date '{da}' is not YYYYMMDD");
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(tm) || !TryZone(timezoneOffset, out var zone))
            return day;
        var digits = tm.Split('.')[0];
        if (digits.Length < 2 || digits.Length % 2 != 0 || !digits.All(char.IsAsciiDigit))
            throw new DicomFormatException(DicomErrorCodes.BadDateTime, offsetForErrors, $"time '{tm}' is not HHMMSS");
        var hh = digits[..2];
        var mm = digits.Length >= 4 ? digits[2..4] : "00";
        var ss = digits.Length >= 6 ? digits[4..6] : "00";
        if (int.Parse(hh, CultureInfo.InvariantCulture) > 23 || int.Parse(mm, CultureInfo.InvariantCulture) > 59 || int.Parse(ss, CultureInfo.InvariantCulture) > 60)
            throw new DicomFormatException(DicomErrorCodes.BadDateTime, offsetForErrors, $"time '{tm}' is out of range");
        return $"{day}T{hh}:{mm}:{ss}{zone}";
    }

    /// <summary>
    /// A DT value (YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&amp;ZZXX]) as FHIR dateTime: dates of any precision are kept;
    /// a time is kept only with a UTC offset (from the value itself, else <paramref name="timezoneOffset"/>),
    /// otherwise the date part alone is returned. Fractional seconds are kept.
    /// </summary>
    public static string? DateTimeToFhir(string? dt, string? timezoneOffset, long offsetForErrors)
    {
        if (string.IsNullOrEmpty(dt))
            return null;
        var zoneAt = dt.IndexOfAny(['+', '-']);
        var body = zoneAt >= 0 ? dt[..zoneAt] : dt;
        var ownZone = zoneAt >= 0 ? dt[zoneAt..] : null;
        var main = body.Split('.')[0];
        var fraction = body.Contains('.', StringComparison.Ordinal) ? body[(body.IndexOf('.', StringComparison.Ordinal) + 1)..] : "";
        if (main.Length is not (4 or 6 or 8 or 10 or 12 or 14) || !main.All(char.IsAsciiDigit) || fraction.Length > 6 || !fraction.All(char.IsAsciiDigit))
            throw new DicomFormatException(DicomErrorCodes.BadDateTime, offsetForErrors, $"datetime '{dt}' is not YYYYMMDDHHMMSS.FFFFFF&ZZXX");
        if (main.Length < 8)
        {
            var month = main.Length == 6 ? int.Parse(main[4..6], CultureInfo.InvariantCulture) : 1;
            if (month is < 1 or > 12)
                throw new DicomFormatException(DicomErrorCodes.BadDateTime, offsetForErrors, $"datetime '{dt}' has month {month}");
            return main.Length == 4 ? main : $"{main[..4]}-{main[4..6]}";
        }
        var date = ToFhirDateTime(main[..8], null, null, offsetForErrors)!;
        if (main.Length == 8 || !TryZone(ownZone ?? timezoneOffset, out _))
            return date;
        var withTime = ToFhirDateTime(main[..8], main[8..], ownZone ?? timezoneOffset, offsetForErrors)!;
        if (fraction.Length == 0 || main.Length < 14)
            return withTime;
        var zoneStart = withTime.Length - 6; // "+hh:mm"
        return $"{withTime[..zoneStart]}.{fraction}{withTime[zoneStart..]}";
    }

    private static bool TryZone(string? offset, out string zone)
    {
        zone = "";
        if (offset is not { Length: 5 } || (offset[0] != '+' && offset[0] != '-') || !offset[1..].All(char.IsAsciiDigit))
            return false;
        zone = $"{offset[..3]}:{offset[3..]}";
        return true;
    }
}
