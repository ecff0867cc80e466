using TaceCds.Dicom.IO;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Sr;
using TaceCds.Dicom.Tests.Support;

namespace TaceCds.Dicom.Tests.Mapping;

/// <summary>TID 1500 → mapping records, on the DCMTK-generated TACE report and on highdicom's real files.</summary>
public sealed class MeasurementReportMappingTests
{
    private static ImagingReport Extract(string path) =>
        ImagingReportExtractor.Extract(SrTreeReader.Read(DicomFileReader.ReadFile(path)), ConceptMap.Default);

    [Theory]
    [MemberData(nameof(Reports))]
    public void TaceReportMapsEveryParameterToOurCodes(string name)
    {
        var report = Extract(GeneratedFixtures.Path(name));
        Assert.Equal(ImagingReportKind.MeasurementReport, report.Kind);
        Assert.Equal("2.25.171717171717171717171717171717171700", report.StudyInstanceUid);
        Assert.Equal("2024-03-15", report.EffectiveDateTime); // no timezone offset in the file: date only
        Assert.Equal(["Lesion 1 (segment VIII)", "Läsion 2"], report.Lesions.Select(l => l.TrackingIdentifier));
        Assert.All(report.Lesions, l => Assert.True(l.FindingSite!.Is("SCT", "10200004")));
        var lesion1 = report.Lesions[0].Key;
        Assert.Equal("2.25.171717171717171717171717171717171701", lesion1);

        var byCode = report.Measurements.Where(m => m.TaceCdsCode is not null).ToDictionary(m => m.TaceCdsCode!);
        void Expect(string code, string value, string unit, string lesionKey)
        {
            var m = byCode[code];
            Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), m.Value);
            Assert.Equal(value, m.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)); // digits kept as written
            Assert.Equal(unit, m.Unit!.Value);
            Assert.Equal("UCUM", m.Unit.Scheme);
            Assert.Equal(lesionKey, m.LesionKey);
        }
        var lesion2 = report.Lesions[1].Key;
        Expect("ctp-bv-roi", "14.2", "mL/100g", lesion1);
        Expect("ctp-hap", "38.5", "mL/min/100mL", lesion1);
        Expect("ctp-pvp", "12.10", "mL/min/100mL", lesion1);
        Expect("ctp-hpi", "76", "%", lesion1);
        Expect("ctp-ttp", "21.5", "s", lesion1);
        Expect("dect-ic-ap", "2.31", "mg/mL", lesion1);
        Expect("dect-zeff-ap", "8.9", "1", lesion1);
        Expect("viable-diameter", "23", "mm", lesion1);
        Expect("lesion-diameter", "31", "mm", lesion1);
        Expect("ivim-adc", "1.12", "10*-3.mm2/s", lesion2);
        Expect("ivim-d", "0.98", "10*-3.mm2/s", lesion2);
        Expect("ivim-dstar", "25.4", "10*-3.mm2/s", lesion2);
        Expect("ivim-f", "18", "%", lesion2);

        // Not one of ours: kept with its own SNOMED CT concept.
        var volume = Assert.Single(report.Measurements, m => m.TaceCdsCode is null);
        Assert.True(volume.Concept.Is("SCT", "118565006"));
        Assert.Equal(4200m, volume.Value);
        Assert.Equal(14, report.Measurements.Count);
        Assert.Empty(report.Skipped);
    }

    public static TheoryData<string> Reports() => [.. GeneratedFixtures.MeasurementReports];

    [Fact]
    public void HighdicomReportWithFourGroupsGivesFourTrackedRegions()
    {
        var report = Extract(Path.Combine(ConformanceFiles.Tid1500Dir, "sr_document_with_multiple_groups.dcm"));
        Assert.Equal(["Image0001", "LungNodule0001", "Aorta0001", "Vertebra0001"], report.Lesions.Select(l => l.TrackingIdentifier));
        // Diameter (SCT 81827009) is our lesion-diameter; Volume and the IBSI texture feature keep their own codes.
        var diameters = report.Measurements.Where(m => m.TaceCdsCode == "lesion-diameter").ToList();
        Assert.Equal([10m, 20m], diameters.Select(d => d.Value));
        Assert.Equal(report.Lesions[1].Key, diameters[0].LesionKey);
        var volume = Assert.Single(report.Measurements, m => m.Concept.Is("SCT", "118565006"));
        Assert.Equal(200m, volume.Value);
        Assert.Equal("mm3", volume.Unit!.Value);
    }

    [Fact]
    public void EveryNumInAMeasurementGroupIsEitherMappedOrSkippedWithAReason()
    {
        foreach (var path in ConformanceFiles.Tid1500Reports)
        {
            var doc = SrTreeReader.Read(DicomFileReader.ReadFile(path));
            var report = ImagingReportExtractor.Extract(doc, ConceptMap.Default);
            var nums = doc.Root.DescendantsAndSelf().Count(i => i.ValueType == SrValueType.Num);
            Assert.True(nums > 0);
            Assert.Equal(nums, report.Measurements.Count + report.Skipped.Count);
            Assert.All(report.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        }
    }
}
