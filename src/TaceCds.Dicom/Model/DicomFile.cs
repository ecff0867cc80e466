using TaceCds.Dicom.IO;

namespace TaceCds.Dicom;

/// <summary>A parsed Part 10 file (or a bare data set): meta information and the data set.</summary>
public sealed class DicomFile
{
    internal DicomFile(bool hasPreamble, DicomDataset meta, DicomTransferSyntax transferSyntax, DicomDataset dataset)
    {
        HasPreamble = hasPreamble;
        Meta = meta;
        TransferSyntax = transferSyntax;
        Dataset = dataset;
    }

    /// <summary>False for a data set without the 128-byte preamble and "DICM" (read as DCMTK does, by guessing the encoding).</summary>
    public bool HasPreamble { get; }

    /// <summary>Group 0002; empty when the file has none.</summary>
    public DicomDataset Meta { get; }

    public DicomTransferSyntax TransferSyntax { get; }

    public DicomDataset Dataset { get; }
}
