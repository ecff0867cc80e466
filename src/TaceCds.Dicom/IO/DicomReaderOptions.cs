namespace TaceCds.Dicom.IO;

/// <summary>Limits that keep reading bounded whatever the file claims.</summary>
public sealed record DicomReaderOptions
{
    public static DicomReaderOptions Default { get; } = new();

    /// <summary>Deepest sequence nesting accepted (DCM103 beyond). SR trees of real reports stay well under 20.</summary>
    public int MaxSequenceDepth { get; init; } = 64;

    /// <summary>Binary values (OB/OW/OF/OD/OL/OV/UN) longer than this are skipped, not buffered. Pixel data is always skipped.</summary>
    public long BulkDataThreshold { get; init; } = 256 * 1024;

    /// <summary>Largest non-bulk value (text, numbers) held in memory (DCM110 beyond).</summary>
    public long MaxValueLength { get; init; } = 16 * 1024 * 1024;
}
