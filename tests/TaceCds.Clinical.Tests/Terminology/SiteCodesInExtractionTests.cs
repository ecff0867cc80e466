using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Terminology;
using TaceCds.Clinical.Tests.Support;
using TaceCds.Fhir.Model;
using TaceCds.Fhir.Terminology;
using TaceCds.Testing;

namespace TaceCds.Clinical.Tests.Terminology;

/// <summary>
/// A site's ValueSet files change what the extractor recognises — a local lab code, a formulary's own systemic-therapy
/// list, a local liver location — and nothing else: the value is still checked (unit) as for the built-in codes.
/// </summary>
public sealed class SiteCodesInExtractionTests : IDisposable
{
    private const string LocalLab = "http://hospital.example/lab";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tacecds-site-codes-" + Guid.NewGuid().ToString("N"));

    public SiteCodesInExtractionTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Given_a_local_bilirubin_code_added_to_lab_bilirubin_then_2_mg_dL_on_2024_03_01_is_a_bilirubin_of_34_2_umol_L()
    {
        var site = Options(LocalTerminology.SiteValueSet(ValueSetUrls.LabBilirubin, LocalLab, "TBIL"));
        var record = RecordBuilder.For().Add(LocalLab_("TBIL", "2024-03-01", 2m, "mg/dL"));

        var withSite = record.Facts("2024-06-01", site).Observations.Single(o => o.Kind == FactKind.Bilirubin);
        var builtIn = record.Facts("2024-06-01").Observations;

        Assert.Equal(34.2m, withSite.Number);
        Assert.Equal("umol/L", withSite.Unit);
        Assert.DoesNotContain(builtIn, o => o.Kind == FactKind.Bilirubin);
    }

    [Fact]
    public void A_local_lab_code_with_a_unit_its_kind_does_not_accept_is_still_an_unknown_unit()
    {
        var site = Options(LocalTerminology.SiteValueSet(ValueSetUrls.LabBilirubin, LocalLab, "TBIL"));
        var facts = RecordBuilder.For().Add(LocalLab_("TBIL", "2024-03-01", 2m, "g/L")).Facts("2024-06-01", site);

        Assert.DoesNotContain(facts.Observations, o => o.Kind == FactKind.Bilirubin);
        Assert.Contains(facts.DataIssues, i => i.Code == DataIssueCodes.UnknownUnit);
    }

    [Fact]
    public void Given_systemic_therapy_replaced_by_sorafenib_only_then_lenvatinib_is_not_a_systemic_therapy()
    {
        var site = Options(LocalTerminology.SiteValueSet(ValueSetUrls.SystemicTherapy, CodeSystems.Atc, "L01EX02", replace: true));
        var record = RecordBuilder.For().Add(Medication("med1", "L01EX02", "2024-05-01")).Add(Medication("med2", "L01EX08", "2024-05-02"));

        Assert.Equal(["L01EX02"], record.Facts("2024-06-01", site).SystemicTherapies.Select(m => m.Code));
        Assert.Equal(["L01EX02", "L01EX08"], record.Facts("2024-06-01").SystemicTherapies.Select(m => m.Code));
    }

    [Fact]
    public void Given_a_local_liver_location_code_then_the_lesion_is_intrahepatic()
    {
        var site = Options(LocalTerminology.SiteValueSet(ValueSetUrls.LiverLocation, "http://hospital.example/anatomy", "LIV-S7"));
        var record = RecordBuilder.For().Add(new BodyStructure
        {
            Id = "les1", Patient = new Reference { ReferenceValue = "Patient/p1" }, Location = RecordBuilder.Code("http://hospital.example/anatomy", "LIV-S7"),
        });

        Assert.True(record.Facts("2024-06-01", site).Lesions["BodyStructure/les1"].Intrahepatic);
        Assert.False(record.Facts("2024-06-01").Lesions["BodyStructure/les1"].Intrahepatic);
    }

    [Fact]
    public void An_unknown_procedure_code_of_another_patient_is_not_reported_for_this_one()
    {
        var facts = RecordBuilder.For()
            .Add(new Procedure
            {
                Id = "other", Status = "completed", Code = RecordBuilder.Code("http://hospital.example/orders", "IR-0417"),
                Subject = new Reference { ReferenceValue = "Patient/someone-else" }, Performed = new FhirDateTimeValue(FhirDateTime.Parse("2024-02-01")),
            })
            .Facts("2024-06-01");

        Assert.DoesNotContain(facts.DataIssues, i => i.Code == DataIssueCodes.UnknownProcedureCode);
    }

    private ExtractionOptions Options(string siteValueSet)
    {
        var file = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, siteValueSet);
        return new ExtractionOptions { Terminology = TerminologyLoader.Load([file]) };
    }

    private static Observation LocalLab_(string code, string date, decimal value, string unit) => new()
    {
        Id = "lab1", Status = "final", Code = RecordBuilder.Code(LocalLab, code), Subject = new Reference { ReferenceValue = "Patient/p1" },
        Effective = new FhirDateTimeValue(FhirDateTime.Parse(date)), Value = new Quantity { Value = value, Unit = unit, System = CodeSystems.Ucum, Code = unit },
    };

    private static MedicationStatement Medication(string id, string atc, string date) => new()
    {
        Id = id, Status = "active", Medication = RecordBuilder.Code(CodeSystems.Atc, atc), Subject = new Reference { ReferenceValue = "Patient/p1" },
        Effective = new FhirDateTimeValue(FhirDateTime.Parse(date)),
    };
}
