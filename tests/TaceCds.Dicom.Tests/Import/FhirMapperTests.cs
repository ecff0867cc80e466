using TaceCds.Dicom.Fhir;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Sr;
using TaceCds.Fhir.Model;

namespace TaceCds.Dicom.Tests.Import;

/// <summary>Mapping records → FHIR, on hand-made records for the cases real files rarely show.</summary>
public sealed class FhirMapperTests
{
    private static readonly SrCode Mm = new("mm", "UCUM", "millimeter");

    private static ImagingReport Report(string sop, params (string Lesion, string Item, decimal Value)[] values) => new(
        ImagingReportKind.MeasurementReport, sop, "1.2.3", "PID", "2024-03-15",
        [.. values.Select(v => new TrackedLesion(v.Lesion, "L-" + v.Lesion, v.Lesion, null, new SrCode("10200004", "SCT", "Liver")))],
        [.. values.Select(v => new ImagingMeasurement("viable-diameter", new SrCode("viable-diameter", "99TACECDS", "viable"), v.Value, Mm, v.Lesion, v.Item))],
        [], []);

    [Fact]
    public void GroupsTrackingTheSameLesionShareOneBodyStructure()
    {
        var mapper = new ImagingReportFhirMapper("p1", ConceptMap.Default);
        mapper.Add(Report("9.9.1", ("2.25.1", "1.1.1", 23m), ("2.25.1", "1.1.2", 25m)));
        var lesion = Assert.Single(mapper.Resources.OfType<BodyStructure>());
        var observations = mapper.Resources.OfType<Observation>().ToList();
        Assert.Equal(2, observations.Count);
        Assert.All(observations, o => Assert.Equal(ImagingReportFhirMapper.FullUrl(lesion), o.Focus.Single().ReferenceValue));
    }

    [Fact]
    public void TheSameLesionAndStudyAcrossFilesAreEmittedOnceAndReimportIsIdempotent()
    {
        var mapper = new ImagingReportFhirMapper("p1", ConceptMap.Default);
        mapper.Add(Report("9.9.1", ("2.25.1", "1.1.1", 23m)));
        mapper.Add(Report("9.9.2", ("2.25.1", "1.1.1", 23m)));
        mapper.Add(Report("9.9.2", ("2.25.1", "1.1.1", 23m))); // the same file again
        Assert.Single(mapper.Resources.OfType<ImagingStudy>());
        Assert.Single(mapper.Resources.OfType<BodyStructure>());
        Assert.Equal(2, mapper.Resources.OfType<Observation>().Count());
    }

    [Fact]
    public void LocalSchemeCodesAreWrittenAsOurCodeSystemOnce()
    {
        var mapper = new ImagingReportFhirMapper("p1", ConceptMap.Default);
        mapper.Add(Report("9.9.1", ("2.25.1", "1.1.1", 23m)));
        var coding = Assert.Single(mapper.Resources.OfType<Observation>().Single().Code!.Coding);
        Assert.Equal("https://tacecds.org/fhir/CodeSystem/tacecds", coding.System);
        Assert.Equal("viable-diameter", coding.Code);
    }

    [Theory]
    [InlineData("DCM", "http://dicom.nema.org/resources/ontology/DCM")]
    [InlineData("SCT", "http://snomed.info/sct")]
    [InlineData("LN", "http://loinc.org")]
    [InlineData("UCUM", "http://unitsofmeasure.org")]
    [InlineData("99TACECDS", "https://tacecds.org/fhir/CodeSystem/tacecds")]
    [InlineData("SRT", "urn:dicom:csd:SRT")]
    public void CodingSchemesMapToFhirSystems(string designator, string system) =>
        Assert.Equal(system, CodingSystems.ForScheme(designator, "99TACECDS"));
}
