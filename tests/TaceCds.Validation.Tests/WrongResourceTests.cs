using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using TaceCds.Testing;

namespace TaceCds.Validation.Tests;

/// <summary>A resource that breaks a project profile gives an error naming where (FHIRPath into the resource).</summary>
[Collection(ValidatorCollection.Name)]
public class WrongResourceTests(ValidatorFixture fixture)
{
    private const string LabProfile = "https://tacecds.org/fhir/StructureDefinition/lab-observation";

    // p02's albumin of the day before its first TACE, a valid lab-observation to spoil one element at a time.
    private static Observation P02Albumin()
    {
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(ValidatorFixture.ReadRepoFile("samples", "p02.json"));
        return bundle.Entry.Select(e => e.Resource).OfType<Observation>().First(o => o.Code.Coding[0].Code == "1751-7");
    }

    [Fact]
    public void A_valid_lab_declaring_lab_observation_has_no_errors()
    {
        var lab = P02Albumin();

        Assert.Contains(LabProfile, lab.Meta!.Profile);
        Assert.DoesNotContain(fixture.Validator.Validate(lab), i => i.IsError);
    }

    [Fact]
    public void A_lab_coded_with_LOINC_718_7_hemoglobin_is_outside_lab_observation_codes_an_error_at_Observation_code()
    {
        var lab = P02Albumin();
        lab.Code.Coding[0].Code = "718-7";
        lab.Code.Coding[0].Display = "Hemoglobin [Mass/volume] in Blood";

        var errors = fixture.Validator.Validate(lab).Where(i => i.IsError).ToList();

        var error = Assert.Single(errors);
        Assert.Equal("code-invalid", error.Code);
        Assert.StartsWith("Observation.code", error.Location);
        Assert.Contains("718-7", error.Message);
    }

    [Fact]
    public void A_lab_without_effective_date_is_an_error_at_Observation_effective()
    {
        var lab = P02Albumin();
        lab.Effective = null;

        var errors = fixture.Validator.Validate(lab).Where(i => i.IsError).ToList();

        Assert.Contains(errors, e => e.Location.StartsWith("Observation", StringComparison.Ordinal) && e.Message.Contains("effective", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quantity_outside_UCUM_in_a_bundle_is_an_error_with_its_entry_index()
    {
        var bundle = new FhirJsonDeserializer().Deserialize<Bundle>(ValidatorFixture.ReadRepoFile("samples", "p02.json"));
        var index = bundle.Entry.FindIndex(e => e.Resource is Observation o && o.Code.Coding[0].Code == "1751-7");
        ((Quantity)((Observation)bundle.Entry[index].Resource!).Value!).System = "http://example.org/units";

        var errors = fixture.Validator.Validate(bundle).Where(i => i.IsError).ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(index, FhirPathLocation.EntryIndex(e.Location)));
        Assert.Contains(errors, e => e.Location.StartsWith($"Bundle.entry[{index}].resource.value", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_is_not_a_resource_is_one_structure_error_at_the_root()
    {
        var issues = fixture.Validator.Validate("{\"hello\": 1}");

        var issue = Assert.Single(issues);
        Assert.Equal(("structure", "$"), (issue.Code, issue.Location));
    }
}
