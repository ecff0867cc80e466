using System.Globalization;
using System.Text;
using TaceCds.Dicom.Mapping;

namespace TaceCds.Dicom.Import;

/// <summary>
/// The human summary of an import: files read and refused (with codes), what was mapped to TaceCds codes,
/// what kept its DICOM/SNOMED/LOINC code, and what was skipped and why. Never prints patient names or IDs.
/// </summary>
public static class ImportSummary
{
    public static string Format(DicomImportResult result)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"Files: {result.Files.Count} ({result.FilesRead} read, {result.Files.Count - result.FilesRead} refused)");
        foreach (var f in result.Files)
        {
            if (f.WasRead)
                sb.AppendLine(inv, $"  read     {f.Path}: {Describe(f.Kind)}, {f.Measurements} measurement(s), {f.Skipped.Count} skipped");
            else
                sb.AppendLine(inv, $"  refused  {f.Path}: {f.ErrorCode}{(f.ErrorOffset is { } o ? $" at byte {o}" : "")} {f.Error}");
        }
        var ours = result.Measurements.Where(m => m.TaceCdsCode is not null).GroupBy(m => m.TaceCdsCode!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        sb.Append(inv, $"Mapped to TaceCds codes: {ours.Sum(g => g.Count())}").AppendLine(ours.Count == 0 ? "" : " — " + string.Join(", ", ours.Select(g => string.Create(inv, $"{g.Key} ×{g.Count()}"))));
        var kept = result.Measurements.Where(m => m.TaceCdsCode is null).GroupBy(m => $"{m.Concept.Scheme} {m.Concept.Value} \"{m.Concept.Meaning}\"").OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        sb.Append(inv, $"Kept with their SR concept code: {kept.Sum(g => g.Count())}").AppendLine(kept.Count == 0 ? "" : " — " + string.Join(", ", kept.Select(g => string.Create(inv, $"{g.Key} ×{g.Count()}"))));
        var skipped = result.Files.SelectMany(f => f.Skipped).GroupBy(s => s.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        sb.AppendLine(inv, $"Skipped items: {skipped.Sum(g => g.Count())}");
        foreach (var g in skipped)
            sb.AppendLine(inv, $"  {g.Count()} × {g.Key}");
        var byType = result.Bundle.Entry.GroupBy(e => e.Resource!.ResourceType).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(inv, $"{g.Key} ×{g.Count()}"));
        sb.AppendLine(inv, $"FHIR resources: {result.Bundle.Entry.Count} ({string.Join(", ", byType)})");
        return sb.ToString();
    }

    /// <summary>
    /// What the FHIR server did with the Bundle, per resource type: created, or already present (a conditional create
    /// that matched the identifier, so a re-import creates nothing).
    /// </summary>
    public static string FormatServerAnswer(DicomImportResult result, TransactionOutcome outcome)
    {
        var inv = CultureInfo.InvariantCulture;
        if (outcome.Entries.Count != result.Bundle.Entry.Count)
            return string.Create(inv, $"{outcome.Message}; per-resource outcome not reported\n");
        var rows = result.Bundle.Entry.Zip(outcome.Entries, (e, o) => (Type: e.Resource!.ResourceType, Outcome: o)).ToList();
        string Count(Func<TransactionEntryOutcome, bool> which)
        {
            var byType = rows.Where(r => which(r.Outcome)).GroupBy(r => r.Type).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            return string.Create(inv, $"{byType.Sum(g => g.Count())}") + (byType.Count == 0 ? "" : " (" + string.Join(", ", byType.Select(g => string.Create(inv, $"{g.Key} ×{g.Count()}"))) + ")");
        }
        var sb = new StringBuilder();
        sb.AppendLine(outcome.Message);
        sb.AppendLine(inv, $"  created: {Count(o => o.Created)}");
        sb.AppendLine(inv, $"  already present, nothing created: {Count(o => o.AlreadyPresent)}");
        if (rows.Any(r => !r.Outcome.Created && !r.Outcome.AlreadyPresent))
            sb.AppendLine(inv, $"  other status: {Count(o => !o.Created && !o.AlreadyPresent)}");
        return sb.ToString();
    }

    private static string Describe(ImagingReportKind? kind) => kind switch
    {
        ImagingReportKind.MeasurementReport => "TID 1500 measurement report",
        ImagingReportKind.CtRadiationDose => "TID 10011 CT radiation dose report",
        _ => "SR of another template (nothing mapped)",
    };
}
