using TaceCds.Dicom.Fhir;
using TaceCds.Dicom.IO;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Sr;
using TaceCds.Fhir.Model;

namespace TaceCds.Dicom.Import;

/// <summary>What happened to one input file.</summary>
public sealed record ImportedFile(string Path, ImagingReportKind? Kind, string? ErrorCode, string? Error, long? ErrorOffset,
    int Measurements, IReadOnlyList<SkippedItem> Skipped)
{
    public bool WasRead => ErrorCode is null;
}

/// <summary>The outcome of an import: per-file results and the transaction Bundle of everything mapped.</summary>
public sealed record DicomImportResult(IReadOnlyList<ImportedFile> Files, Bundle Bundle, IReadOnlyList<ImagingMeasurement> Measurements)
{
    public int FilesRead => Files.Count(f => f.WasRead);

    /// <summary>Some files were imported and some refused: the import is partial (the CLI's exit code says so).</summary>
    public bool IsPartial => FilesRead > 0 && FilesRead < Files.Count;
}

/// <summary>
/// Files and folders of DICOM SR → one transaction Bundle. Each file is read on its own: a bad file is
/// recorded with its DCM code and offset and the others go on. Folders are walked recursively in ordinal
/// path order, so the output does not depend on the file system's listing order.
/// </summary>
public static class DicomImporter
{
    public static DicomImportResult Import(IEnumerable<string> paths, string? patientId, ConceptMap map, DicomReaderOptions? options = null) =>
        Import(paths, patientId, map, options, ImagingReportExtractor.Extract);

    /// <summary>The import with the SR → report step given (tests inject a failing one to prove the per-file isolation).</summary>
    internal static DicomImportResult Import(IEnumerable<string> paths, string? patientId, ConceptMap map, DicomReaderOptions? options,
        Func<SrDocument, ConceptMap, ImagingReport> extract)
    {
        var mapper = new ImagingReportFhirMapper(patientId, map);
        var files = new List<ImportedFile>();
        var measurements = new List<ImagingMeasurement>();
        foreach (var path in Expand(paths))
        {
            try
            {
                var doc = SrTreeReader.Read(DicomFileReader.ReadFile(path, options));
                var report = extract(doc, map);
                mapper.Add(report);
                measurements.AddRange(report.Measurements);
                files.Add(new ImportedFile(path, report.Kind, null, null, null, report.Measurements.Count, report.Skipped));
            }
            catch (DicomFormatException e)
            {
                files.Add(new ImportedFile(path, null, e.Code, e.Detail, e.Offset, 0, []));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                files.Add(new ImportedFile(path, null, DicomErrorCodes.FileNotReadable, e.Message, null, 0, []));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A fault of ours on one file must not cost the folder: report it (type only: messages may quote
                // values from the file) and go on with the next file.
                files.Add(new ImportedFile(path, null, DicomErrorCodes.MappingFailed, $"the content could not be mapped ({e.GetType().Name})", null, 0, []));
            }
        }
        return new DicomImportResult(files, mapper.ToTransactionBundle(), measurements);
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return file;
            }
            else
            {
                yield return path; // a missing file is reported as DCM100 when opened
            }
        }
    }
}
