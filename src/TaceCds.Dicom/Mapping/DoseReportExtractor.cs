using System.Globalization;
using TaceCds.Dicom.Sr;

namespace TaceCds.Dicom.Mapping;

/// <summary>
/// TID 10011 CT Radiation Dose: the accumulated CT Dose Length Product Total (DCM 113813) and, per CT
/// Acquisition (DCM 113819), the Mean CTDIvol (DCM 113830) and DLP (DCM 113838) of its CT Dose container.
/// Effective dose is computed from the total DLP with the adult abdomen conversion factor
/// k = 0.015 mSv/(mGy·cm) (the factor used by the seed-004 study, see clinical-reference §7; k for the
/// abdomen per AAPM Report 96 / European guidelines EUR 16262), and the factor is stated in the note.
/// Effective doses written by the modality are not used, so every effective dose has the same basis.
/// </summary>
internal static class DoseReportExtractor
{
    public const decimal AbdomenConversionFactor = 0.015m;

    public static string EffectiveDoseNote(decimal dlp) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Effective dose = CT Dose Length Product Total {dlp} mGy.cm × {AbdomenConversionFactor} mSv/(mGy.cm) (adult abdomen conversion factor k); computed by TaceCds, not reported by the modality.");

    public static void Extract(SrDocument doc, ConceptMap map, List<ImagingMeasurement> measurements, List<SkippedItem> skipped)
    {
        foreach (var child in doc.Root.Children.Select(c => doc.Resolve(c)).OfType<SrContentItem>())
        {
            if (child.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.CtAccumulatedDoseData) == true)
                ExtractAccumulated(child, map, measurements, skipped);
            else if (child.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.CtAcquisition) == true)
                ExtractAcquisition(child, map, measurements, skipped);
        }
    }

    private static void ExtractAccumulated(SrContentItem accumulated, ConceptMap map, List<ImagingMeasurement> measurements, List<SkippedItem> skipped)
    {
        foreach (var item in accumulated.Children)
        {
            if (item.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.CtDoseLengthProductTotal) == true)
            {
                var before = measurements.Count;
                MeasurementReportExtractor.AddNumeric(item, null, map, measurements, skipped);
                if (measurements.Count > before)
                    NormaliseVendorUnit(measurements);
                if (measurements.Count > before && measurements[^1] is { Unit: { Value: "mGy.cm" } } total)
                {
                    var dose = total.Value * AbdomenConversionFactor;
                    // DCM 113839 Effective Dose (PS3.16 CID 10050), the concept of the computed value.
                    measurements.Add(new ImagingMeasurement("effective-dose", new SrCode(SrConcepts.EffectiveDose, SrConcepts.Dcm, "Effective Dose"), dose,
                        new SrCode("mSv", "UCUM", "mSv"), null, item.Id, EffectiveDoseNote(total.Value)));
                }
                else if (measurements.Count > before)
                {
                    skipped.Add(new SkippedItem(item.Id, MeasurementReportExtractor.Describe(item.ConceptName),
                        $"effective dose not computed: DLP unit is '{measurements[^1].Unit?.Value}', not mGy.cm"));
                }
            }
            else if (item.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.CtEffectiveDoseTotal) == true)
            {
                skipped.Add(new SkippedItem(item.Id, MeasurementReportExtractor.Describe(item.ConceptName), "modality effective dose not used: recomputed from DLP with k = 0.015"));
            }
        }
    }

    /// <summary>
    /// Siemens dose reports write the DLP unit as "mGycm", which is not UCUM; it can only mean mGy.cm (UCUM
    /// product of mGy and cm), so it is read as that and the note says so. No other unit is rewritten.
    /// </summary>
    private static void NormaliseVendorUnit(List<ImagingMeasurement> measurements)
    {
        var last = measurements[^1];
        if (last.Unit is { Value: "mGycm" } unit)
        {
            var note = $"unit written as '{unit.Value}' in the SR, read as UCUM mGy.cm" + (last.Note is null ? "" : "; " + last.Note);
            measurements[^1] = last with { Unit = unit with { Value = "mGy.cm", Scheme = "UCUM" }, Note = note };
        }
    }

    private static void ExtractAcquisition(SrContentItem acquisition, ConceptMap map, List<ImagingMeasurement> measurements, List<SkippedItem> skipped)
    {
        var eventUid = acquisition.Child(SrConcepts.Dcm, SrConcepts.IrradiationEventUid)?.Text;
        var note = eventUid is null ? $"CT acquisition {acquisition.Id}" : $"CT acquisition {acquisition.Id}, irradiation event {eventUid}";
        foreach (var dose in acquisition.Children.Where(c => c.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.CtDose) == true))
        {
            foreach (var item in dose.Children)
            {
                if (item.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.MeanCtdiVol) == true || item.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.Dlp) == true)
                {
                    // An empty NUM (no measured value) adds nothing: only a measurement added here may be normalised,
                    // never an earlier one, and with nothing before it there is no last measurement at all.
                    var before = measurements.Count;
                    MeasurementReportExtractor.AddNumeric(item, null, map, measurements, skipped, note);
                    if (measurements.Count > before)
                        NormaliseVendorUnit(measurements);
                }
                else if (item.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.EffectiveDose) == true)
                    skipped.Add(new SkippedItem(item.Id, MeasurementReportExtractor.Describe(item.ConceptName), "modality effective dose not used: recomputed from DLP with k = 0.015"));
            }
        }
    }
}
