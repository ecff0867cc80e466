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
        AccountForEveryNumericItem(doc, measurements, skipped);
        var effective = DicomDateTimes.ToFhirDateTime(doc.StudyDate ?? doc.ContentDate, doc.StudyDate is null ? doc.ContentTime : doc.StudyTime,
            doc.TimezoneOffset, doc.Dataset.Offset);
        return new ImagingReport(kind, doc.SopInstanceUid, doc.StudyInstanceUid, doc.PatientId, effective, lesions, measurements, skipped,
            ReferencedSopClasses(doc));
    }

    /// <summary>Every NUM of the document ends up mapped or skipped with a reason: nothing is dropped silently.</summary>
    private static void AccountForEveryNumericItem(SrDocument doc, List<ImagingMeasurement> measurements, List<SkippedItem> skipped)
    {
        var seen = measurements.Select(m => m.ContentItemId).Concat(skipped.Select(s => s.ContentItemId)).ToHashSet(StringComparer.Ordinal);
        foreach (var item in doc.Root.DescendantsAndSelf())
        {
            if (item.ValueType == SrValueType.Num && seen.Add(item.Id))
                skipped.Add(new SkippedItem(item.Id, MeasurementReportExtractor.Describe(item.ConceptName), "not a value TaceCds reads from this template"));
        }
    }

    /// <summary>From IMAGE/COMPOSITE items and the evidence sequences (Current Requested Procedure 0040,A375 and
    /// Pertinent Other 0040,A385 → Referenced Series 0008,1115 → Referenced SOP 0008,1199).</summary>
    private static List<string> ReferencedSopClasses(SrDocument doc)
    {
        var result = new List<string>();
        foreach (var item in doc.Root.DescendantsAndSelf())
        {
            if (item.Reference?.SopClassUid is { } uid && !result.Contains(uid))
                result.Add(uid);
        }
        foreach (var evidence in new[] { new DicomTag(0x0040, 0xA375), new DicomTag(0x0040, 0xA385) })
        {
            foreach (var study in doc.Dataset.GetSequence(evidence))
            {
                foreach (var series in study.GetSequence(new DicomTag(0x0008, 0x1115)))
                {
                    foreach (var sop in series.GetSequence(DicomTags.ReferencedSopSequence))
                    {
                        if (sop.GetString(DicomTags.ReferencedSopClassUid) is { } uid && !result.Contains(uid))
                            result.Add(uid);
                    }
                }
            }
        }
        return result;
    }
}
