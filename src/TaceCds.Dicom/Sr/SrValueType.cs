namespace TaceCds.Dicom.Sr;

/// <summary>Value Type (0040,A040) of an SR content item, PS3.3 C.17.3.2.1.</summary>
public enum SrValueType
{
    Container, Text, Code, Num, DateTime, Date, Time, UidRef, PName, Composite, Image, Waveform,
    Scoord, Scoord3D, Tcoord, Table,
}

public static class SrValueTypes
{
    public static bool TryParse(string? text, out SrValueType type)
    {
        type = text switch
        {
            "CONTAINER" => SrValueType.Container,
            "TEXT" => SrValueType.Text,
            "CODE" => SrValueType.Code,
            "NUM" => SrValueType.Num,
            "DATETIME" => SrValueType.DateTime,
            "DATE" => SrValueType.Date,
            "TIME" => SrValueType.Time,
            "UIDREF" => SrValueType.UidRef,
            "PNAME" => SrValueType.PName,
            "COMPOSITE" => SrValueType.Composite,
            "IMAGE" => SrValueType.Image,
            "WAVEFORM" => SrValueType.Waveform,
            "SCOORD" => SrValueType.Scoord,
            "SCOORD3D" => SrValueType.Scoord3D,
            "TCOORD" => SrValueType.Tcoord,
            "TABLE" => SrValueType.Table,
            _ => (SrValueType)(-1),
        };
        return (int)type >= 0;
    }

    /// <summary>The defined term as written in the file.</summary>
    public static string ToDicom(this SrValueType type) => type switch
    {
        SrValueType.UidRef => "UIDREF",
        SrValueType.PName => "PNAME",
        SrValueType.Scoord3D => "SCOORD3D",
        SrValueType.DateTime => "DATETIME",
        _ => type.ToString().ToUpperInvariant(),
    };
}
