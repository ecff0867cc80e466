using System.Text.Json;
using TaceCds.Dicom.Fhir;
using TaceCds.Dicom.Import;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Tests.Support;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Dicom.Tests.Import;

/// <summary>Files and folders → transaction Bundle, through the lead's FHIR model and JSON writer.</summary>
public sealed class DicomImporterTests
{
    private static DicomImportResult ImportFixture(string? patient = "p1") =>
        DicomImporter.Import([GeneratedFixtures.Path("tace-measurements.dcm")], patient, ConceptMap.Default);

    [Fact]
    public void BadFilesAreReportedWithTheirCodesAndTheRestIsImported()
    {
        var missing = Path.Combine(GeneratedFixtures.Dir, "does-not-exist.dcm");
        var result = DicomImporter.Import(
            [ConformanceFiles.DoseDir, GeneratedFixtures.Path("values-bigendian.dcm"), missing, GeneratedFixtures.Path("tace-measurements.dcm")],
            "p1", ConceptMap.Default);
        Assert.Equal(6, result.FilesRead); // 5 dose reports + the TID 1500 fixture
        Assert.Equal(DicomErrorCodes.NotDicom, result.Files.Single(f => f.Path.EndsWith("LICENSE-OpenREM", StringComparison.Ordinal)).ErrorCode);
        Assert.Equal(DicomErrorCodes.UnsupportedTransferSyntax, result.Files.Single(f => f.Path.EndsWith("values-bigendian.dcm", StringComparison.Ordinal)).ErrorCode);
        Assert.Equal(DicomErrorCodes.FileNotReadable, result.Files.Single(f => f.Path == missing).ErrorCode);
        var summary = ImportSummary.Format(result);
        Assert.Contains("DCM108", summary, StringComparison.Ordinal);
        Assert.Contains("Files: 9 (6 read, 3 refused)", summary, StringComparison.Ordinal);
        Assert.Contains("effective-dose ×5", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryHasNoPatientData()
    {
        var summary = ImportSummary.Format(ImportFixture(patient: null));
        Assert.DoesNotContain("Testpatient", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Jérôme", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("TACE-TEST-1", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ObservationsPointAtTheirLesionAndStudy()
    {
        var bundle = ImportFixture().Bundle;
        Assert.Equal("transaction", bundle.Type);
        Assert.All(bundle.Entry, e => Assert.Equal("POST", e.Request!.Method));
        var byUrl = bundle.Entry.ToDictionary(e => e.FullUrl!, e => e.Resource!);
        var study = Assert.Single(bundle.Resources.OfType<ImagingStudy>());
        Assert.Equal("urn:oid:2.25.171717171717171717171717171717171700", study.Identifier.Single().Value);
        Assert.Equal("urn:dicom:uid", study.Identifier.Single().System);
        Assert.Equal("CT", study.Modality.Single().Code); // from the CT Image Storage SOP class in the evidence sequence
        var lesions = bundle.Resources.OfType<BodyStructure>().ToList();
        Assert.Equal(2, lesions.Count);
        Assert.All(lesions, l => Assert.True(l.Location!.Has("http://snomed.info/sct", "10200004")));

        var observations = bundle.Resources.OfType<Observation>().ToList();
        Assert.Equal(14, observations.Count);
        Assert.All(observations, o =>
        {
            Assert.Equal("Patient/p1", o.Subject!.ReferenceValue);
            Assert.Same(study, byUrl[o.DerivedFrom.Single().ReferenceValue!]);
            Assert.IsType<BodyStructure>(byUrl[o.Focus.Single().ReferenceValue!]);
        });
        var hap = observations.Single(o => o.Code!.Has("https://tacecds.org/fhir/CodeSystem/tacecds", "ctp-hap"));
        var q = Assert.IsType<Quantity>(hap.Value);
        Assert.Equal(38.5m, q.Value);
        Assert.Equal("mL/min/100mL", q.Code);
        Assert.Equal("http://unitsofmeasure.org", q.System);
        // The SR's private-scheme code is ours: listed once, not twice.
        Assert.Single(hap.Code!.Coding);
        var ttp = observations.Single(o => o.Code!.Has("https://tacecds.org/fhir/CodeSystem/tacecds", "ctp-ttp"));
        Assert.True(ttp.Code!.Has("http://dicom.nema.org/resources/ontology/DCM", "113069"));
        var volume = observations.Single(o => o.Code!.Has("http://snomed.info/sct", "118565006"));
        Assert.DoesNotContain(volume.Code!.Coding, c => c.System == "https://tacecds.org/fhir/CodeSystem/tacecds");
        Assert.True(hap.BodySite!.Has("http://snomed.info/sct", "10200004"));
        var lesion1 = (BodyStructure)byUrl[hap.Focus.Single().ReferenceValue!];
        Assert.Equal("Lesion 1 (segment VIII)", lesion1.Description);
    }

    [Fact]
    public void EffectiveDoseStatesItsFactor()
    {
        var bundle = DicomImporter.Import([Path.Combine(ConformanceFiles.DoseDir, "CT-RDSR-Toshiba_DoseCheck.dcm")], "p1", ConceptMap.Default).Bundle;
        var dose = bundle.Resources.OfType<Observation>().Single(o => o.Code!.Has("https://tacecds.org/fhir/CodeSystem/tacecds", "effective-dose"));
        Assert.Equal(502.40m * 0.015m, ((Quantity)dose.Value!).Value);
        Assert.Equal("mSv", ((Quantity)dose.Value!).Code);
        Assert.Contains("0.015 mSv/(mGy.cm)", dose.Note.Single().Text, StringComparison.Ordinal);
        Assert.Equal("CT", bundle.Resources.OfType<ImagingStudy>().Single().Modality.Single().Code);
    }

    [Fact]
    public void ImportIsDeterministicAndWritesValidJson()
    {
        var a = FhirJsonWriter.Default.WriteToString(ImportFixture().Bundle);
        var b = FhirJsonWriter.Default.WriteToString(ImportFixture().Bundle);
        Assert.Equal(a, b);
        using var doc = JsonDocument.Parse(a);
        Assert.Equal("Bundle", doc.RootElement.GetProperty("resourceType").GetString());
        var entry = doc.RootElement.GetProperty("entry")[0];
        Assert.StartsWith("urn:uuid:", entry.GetProperty("fullUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(ImagingReportFhirMapper.FullUrl(ImportFixture().Bundle.Entry[0].Resource!), entry.GetProperty("fullUrl").GetString());
    }

    [Fact]
    public void WithoutPatientTheDicomPatientIdIsALogicalIdentifier()
    {
        var obs = ImportFixture(patient: null).Bundle.Resources.OfType<Observation>().First();
        Assert.Null(obs.Subject!.ReferenceValue);
        Assert.Equal("TACE-TEST-1", obs.Subject.Identifier!.Value);
    }
}
