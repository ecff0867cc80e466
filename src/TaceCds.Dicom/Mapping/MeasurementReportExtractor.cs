using TaceCds.Dicom.Sr;

namespace TaceCds.Dicom.Mapping;

/// <summary>
/// TID 1500: every Measurement Group (DCM 125007) under Imaging Measurements (DCM 126010) is a lesion keyed by
/// its tracking UID/identifier; every NUM in it is a measurement of that lesion. NUMs directly under Imaging
/// Measurements are exam-level measurements (no lesion).
/// </summary>
internal static class MeasurementReportExtractor
{
    public static void Extract(SrDocument doc, ConceptMap map, List<TrackedLesion> lesions, List<ImagingMeasurement> measurements, List<SkippedItem> skipped)
    {
        var containers = doc.Root.Children.Where(c => c.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.ImagingMeasurements) == true).ToList();
        if (containers.Count == 0)
        {
            skipped.Add(new SkippedItem(doc.Root.Id, Describe(doc.Root.ConceptName), "measurement report without Imaging Measurements (DCM 126010)"));
            return;
        }
        foreach (var container in containers)
        {
            foreach (var child in container.Children.Select(c => doc.Resolve(c)).OfType<SrContentItem>())
            {
                if (child.ConceptName?.Is(SrConcepts.Dcm, SrConcepts.MeasurementGroup) == true)
                {
                    var lesion = ReadLesion(child);
                    lesions.Add(lesion);
                    foreach (var item in child.Children.Select(c => doc.Resolve(c)).OfType<SrContentItem>())
                        AddNumeric(item, lesion.Key, map, measurements, skipped);
                }
                else
                {
                    AddNumeric(child, null, map, measurements, skipped);
                }
            }
        }
    }

    private static TrackedLesion ReadLesion(SrContentItem group)
    {
        var identifier = group.Child(SrConcepts.Dcm, SrConcepts.TrackingIdentifier)?.Text;
        var uid = group.Child(SrConcepts.Dcm, SrConcepts.TrackingUniqueIdentifier)?.Text;
        var key = uid ?? identifier ?? "group-" + group.Id;
        return new TrackedLesion(key, identifier, uid,
            group.Child(SrConcepts.Dcm, SrConcepts.Finding)?.Code,
            group.Child(SrConcepts.Sct, SrConcepts.FindingSite)?.Code);
    }

    internal static void AddNumeric(SrContentItem item, string? lesionKey, ConceptMap map, List<ImagingMeasurement> measurements, List<SkippedItem> skipped, string? note = null)
    {
        if (item.ValueType != SrValueType.Num)
            return;
        if (item.ConceptName is null)
        {
            skipped.Add(new SkippedItem(item.Id, "(no concept name)", "NUM without concept name"));
            return;
        }
        if (item.Numeric?.Value is not { } value)
        {
            var qualifier = item.Numeric?.Qualifier?.Meaning;
            skipped.Add(new SkippedItem(item.Id, Describe(item.ConceptName), qualifier is null ? "NUM without a numeric value" : $"no value: {qualifier}"));
            return;
        }
        measurements.Add(new ImagingMeasurement(map.Lookup(item.ConceptName), item.ConceptName, value, item.Numeric.Unit, lesionKey, item.Id, note));
    }

    internal static string Describe(SrCode? code) => code is null ? "(none)" : $"{code.Scheme} {code.Value} \"{code.Meaning}\"";
}
