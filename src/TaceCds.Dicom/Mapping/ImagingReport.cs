using TaceCds.Dicom.Sr;

namespace TaceCds.Dicom.Mapping;

/// <summary>What kind of SR a report was read as.</summary>
public enum ImagingReportKind
{
    /// <summary>TID 1500 Measurement Report (root DCM 126000).</summary>
    MeasurementReport,
    /// <summary>TID 10011 CT Radiation Dose (root DCM 113701).</summary>
    CtRadiationDose,
    /// <summary>Any other SR: nothing mapped, recorded as skipped.</summary>
    Unsupported,
}

/// <summary>
/// A lesion tracked by a TID 1500 measurement group (TID 1411): Tracking Identifier (DCM 112039) and
/// Tracking Unique Identifier (DCM 112040). <see cref="Key"/> is the UID when present, else the identifier.
/// </summary>
public sealed record TrackedLesion(string Key, string? TrackingIdentifier, string? TrackingUid, SrCode? Finding, SrCode? FindingSite);

/// <summary>
/// One numeric measurement taken from the SR, before any FHIR: the TaceCds code when the concept map knows
/// the concept (else null, and the SR concept is used as is), the value and UCUM unit exactly as in the SR,
/// the lesion it belongs to, and where it came from.
/// </summary>
public sealed record ImagingMeasurement(
    string? TaceCdsCode,
    SrCode Concept,
    decimal Value,
    SrCode? Unit,
    string? LesionKey,
    string ContentItemId,
    string? Note = null);

/// <summary>An SR item that could have been a measurement but was not mapped, with why.</summary>
public sealed record SkippedItem(string ContentItemId, string Concept, string Reason);

/// <summary>The mapping result for one SR document: plain records, converted to FHIR separately.</summary>
public sealed record ImagingReport(
    ImagingReportKind Kind,
    string? SopInstanceUid,
    string? StudyInstanceUid,
    string? PatientId,
    // FHIR dateTime of the exam (study date/time, else content date/time); see DicomDateTimes.
    string? EffectiveDateTime,
    IReadOnlyList<TrackedLesion> Lesions,
    IReadOnlyList<ImagingMeasurement> Measurements,
    IReadOnlyList<SkippedItem> Skipped,
    // SOP classes of the images the report refers to (IMAGE items, evidence sequences): tells CT from MR.
    IReadOnlyList<string> ReferencedSopClassUids);
