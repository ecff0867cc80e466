using TaceCds.Dicom.Sr;

namespace TaceCds.Dicom.Mapping;

/// <summary>
/// SR document → <see cref="ImagingReport"/>: picks the template by the root concept (TID 1500 Imaging
/// Measurement Report DCM 126000, TID 10011 X-Ray Radiation Dose Report DCM 113701) and collects lesions,
/// measurements and what was skipped. Pure: no clock, no I/O.
/// </summary>
public static class ImagingReportExtractor
{
    public static ImagingReport Extract(SrDocument doc, ConceptMap map)
    {
        var lesions = new List<TrackedLesion>();
        var measurements = new List<ImagingMeasurement>();
        var skipped = new List<SkippedItem>();
        ImagingReportKind kind;
        if (doc.Root.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.ImagingMeasurementReport) == true)
        {
            kind = ImagingReportKind.MeasurementReport;
            MeasurementReportExtractor.Extract(doc, map, lesions, measurements, skipped);
        }
        else if (doc.Root.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.XRayRadiationDoseReport) == true)
        {
            kind = ImagingReportKind.CtRadiationDose;
            DoseReportExtractor.Extract(doc, map, measurements, skipped);
        }
        else
        {
            kind = ImagingReportKind.Unsupported;
            skipped.Add(new SkippedItem(doc.Root.Id, MeasurementReportExtractor.Describe(doc.Root.ConceptName),
                "not a TID 1500 measurement report or TID 10011 CT dose report"));
        }
        var effective = DicomDateTimes.ToFhirDateTime(doc.StudyDate ?? doc.ContentDate, doc.StudyDate is null ? doc.ContentTime : doc.StudyTime,
            doc.TimezoneOffset, doc.Dataset.Offset);
        return new ImagingReport(kind, doc.SopInstanceUid, doc.StudyInstanceUid, doc.PatientId, effective, lesions, measurements, skipped);
    }
}
