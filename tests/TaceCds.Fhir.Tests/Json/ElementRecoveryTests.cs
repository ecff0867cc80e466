using TaceCds.Fhir.Data;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Json.Readers;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests.Json;

/// <summary>
/// Issue 11 point 8: one malformed element must not cost the resource or the patient. Recovering, the element is left
/// out with its stable code, JSON path and line; id, resourceType and modifierExtension still fail the resource.
/// </summary>
public sealed class ElementRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static T Recover<T>(string json) where T : Resource => FhirJsonParser.Recovering.ParseUtf8<T>(System.Text.Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Given_birthDate_1970_02_30_when_recovering_then_the_patient_is_kept_without_it_and_the_drop_names_code_path_and_line()
    {
        var patient = Recover<Patient>("""
            {
              "resourceType": "Patient",
              "id": "p1",
              "gender": "female",
              "birthDate": "1970-02-30"
            }
            """);

        Assert.Equal(("p1", "female"), (patient.Id, patient.Gender));
        Assert.Null(patient.BirthDate);
        var dropped = Assert.Single(patient.DroppedElements);
        Assert.Equal(("JSON105", "Patient.birthDate", 5L), (dropped.Code, dropped.Path, dropped.Line));
        Assert.Contains("1970-02-30", dropped.Detail);
    }

    [Fact]
    public void Given_birthDate_1970_02_30_when_strict_then_the_resource_is_refused_as_before()
    {
        var ex = Assert.Throws<FhirFormatException>(() => FhirJsonParser.Default.Parse("""{"resourceType":"Patient","id":"p1","birthDate":"1970-02-30"}"""));
        Assert.Equal(("JSON105", "Patient.birthDate"), (ex.Code, ex.Path));
    }

    [Fact]
    public void Name_as_a_string_instead_of_an_array_is_dropped_and_the_other_elements_are_read()
    {
        var patient = Recover<Patient>("""{"resourceType":"Patient","id":"p1","name":"Jun Wang","birthDate":"1958-09-03"}""");

        Assert.Empty(patient.Name);
        Assert.Equal("1958-09-03", patient.BirthDate!.Value);
        Assert.Equal(("JSON103", "Patient.name", 1L), (patient.DroppedElements.Single().Code, patient.DroppedElements.Single().Path, patient.DroppedElements.Single().Line));
    }

    [Theory]
    [InlineData("loinc.org")]
    [InlineData("http//loinc.org")]
    [InlineData("http://loinc .org")]
    public void A_malformed_coding_system_url_drops_the_code_and_names_the_line_of_the_system(string system)
    {
        var obs = Recover<Observation>($$$"""
            {"resourceType":"Observation","id":"o1","status":"final",
             "code":{"coding":[
               {"system":"{{{system}}}","code":"1834-1"}]},
             "valueQuantity":{"value":12,"unit":"ng/mL"}}
            """);

        Assert.Null(obs.Code);
        Assert.Equal(("final", 12m), (obs.Status, ((Quantity)obs.Value!).Value));
        var dropped = Assert.Single(obs.DroppedElements);
        Assert.Equal(("JSON105", "Observation.code.coding[0].system", 3L), (dropped.Code, dropped.Path, dropped.Line));
        Assert.Equal("JSON105", Assert.Throws<FhirFormatException>(() => FhirJsonParser.Default.Parse<Observation>(
            $$$"""{"resourceType":"Observation","code":{"coding":[{"system":"{{{system}}}","code":"1834-1"}]}}""")).Code);
    }

    [Fact]
    public void Absolute_system_uris_are_read()
    {
        var obs = Recover<Observation>("""{"resourceType":"Observation","code":{"coding":[{"system":"urn:oid:2.16.840.1.113883.6.1","code":"1834-1"},{"system":"http://loinc.org","code":"1834-1"}]}}""");
        Assert.Equal(["urn:oid:2.16.840.1.113883.6.1", "http://loinc.org"], obs.Code!.Coding.Select(c => c.System));
        Assert.Empty(obs.DroppedElements);
    }

    [Theory]
    [InlineData("\"status\":5", "Observation.status", "JSON103")]
    [InlineData("\"valueQuantity\":{\"value\":\"12\"}", "Observation.valueQuantity.value", "JSON103")]
    [InlineData("\"effectiveDateTime\":\"2024-13-01\"", "Observation.effectiveDateTime", "JSON105")]
    [InlineData("\"subject\":\"Patient/p1\"", "Observation.subject", "JSON103")]
    [InlineData("\"focus\":{\"reference\":\"BodyStructure/l1\"}", "Observation.focus", "JSON103")]
    [InlineData("\"issued\":\"2024-01-01\"", "Observation.issued", "JSON105")]
    [InlineData("\"extension\":[{\"valueBoolean\":true}]", "Observation.extension[0]", "JSON108")]
    public void A_wrong_primitive_or_shape_in_any_read_element_drops_only_that_element(string element, string path, string code)
    {
        var obs = Recover<Observation>("{\"resourceType\":\"Observation\",\"id\":\"o1\"," + element + ",\"code\":{\"text\":\"AFP\"}}");

        Assert.Equal(("o1", "AFP"), (obs.Id, obs.Code!.Text));
        var dropped = Assert.Single(obs.DroppedElements);
        Assert.Equal((code, path), (dropped.Code, dropped.Path));
    }

    [Fact]
    public void Two_values_for_one_choice_element_leave_it_unknown_not_the_first_one()
    {
        var obs = Recover<Observation>("""{"resourceType":"Observation","valueQuantity":{"value":12},"valueString":"twelve"}""");

        Assert.Null(obs.Value);
        Assert.Equal(("JSON107", "Observation.valueString"), (obs.DroppedElements.Single().Code, obs.DroppedElements.Single().Path));
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p 1"}""", "JSON105", "Patient.id")]
    [InlineData("""{"resourceType":"Procedure","id":"t1","modifierExtension":{"url":"x"}}""", "JSON103", "Procedure.modifierExtension")]
    [InlineData("""{"resourceType":"Observaton","id":"o1"}""", "JSON102", "$.resourceType")]
    public void Elements_that_identify_a_resource_or_change_its_meaning_still_fail_it(string json, string code, string path)
    {
        var ex = Assert.Throws<FhirFormatException>(() => FhirJsonParser.Recovering.Parse(json));
        Assert.Equal((code, path), (ex.Code, ex.Path));
    }

    [Fact]
    public void In_a_bundle_an_unreadable_entry_is_dropped_alone_and_each_resource_keeps_its_own_drops()
    {
        var file = _folder.Write("b.json", """
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Patient","id":"p1","birthDate":"1970-02-30"}},
              {"resource":{"resourceType":"Observation","id":"o 1","status":"final"}},
              "not an entry",
              {"resource":{"resourceType":"Observation","id":"o2","status":"final"}}]}
            """);

        var bundle = FhirJsonParser.Recovering.ParseFile<Bundle>(file);

        Assert.Equal(["Patient/p1", "Observation/o2"], bundle.Resources.Select(r => r.LocalReference));
        Assert.Equal(("JSON105", "Bundle.entry[0].resource.birthDate", 2L),
            (bundle.Entry[0].Resource!.DroppedElements.Single().Code, bundle.Entry[0].Resource!.DroppedElements.Single().Path, bundle.Entry[0].Resource!.DroppedElements.Single().Line));
        Assert.Equal([("JSON105", "Bundle.entry[1].resource.id", 3L), ("JSON103", "Bundle.entry[2]", 4L)],
            bundle.DroppedElements.Select(d => (d.Code, d.Path, d.Line)));
        Assert.Equal("JSON105", Assert.Throws<FhirFormatException>(() => FhirJsonParser.Default.ParseFile<Bundle>(file)).Code);
    }

    [Fact]
    public async Task A_bundle_file_source_keeps_the_patient_with_a_bad_birthDate_and_says_where_it_was()
    {
        var file = _folder.Write("p.json", """
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"Patient/p1"}}},
              {"resource":{"resourceType":"Patient","id":"p1",
                "birthDate":"1970-02-30"}}]}
            """);

        var record = (await new BundleFileDataSource([file]).GetPatientRecordAsync("p1", CancellationToken.None))!;

        Assert.NotNull(record.Patient);
        Assert.Empty(record.Issues);
        Assert.Equal(("JSON105", "Bundle.entry[1].resource.birthDate", 4L),
            (record.Patient!.DroppedElements.Single().Code, record.Patient.DroppedElements.Single().Path, record.Patient.DroppedElements.Single().Line));
        Assert.Equal($"{file}: Bundle.entry[1] (line 3)", record.Patient.SourceLocation);
    }

    [Fact]
    public async Task An_ndjson_line_with_a_bad_element_keeps_its_resource_and_names_the_file_line()
    {
        var file = _folder.Write("Patient.ndjson", string.Join("\n",
            """{"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"Patient","id":"p1","name":"Jun Wang","gender":"male"}""") + "\n");

        var record = (await new NdjsonDataSource([file]).GetPatientRecordAsync("p1", CancellationToken.None))!;

        Assert.Equal("male", record.Patient!.Gender);
        Assert.Equal(("JSON103", "Patient.name", 2L), (record.Patient.DroppedElements.Single().Code, record.Patient.DroppedElements.Single().Path, record.Patient.DroppedElements.Single().Line));
        Assert.Equal($"{file}:2", record.Patient.SourceLocation);
        Assert.Equal($"{file}:1", record.Resources[0].SourceLocation);
    }
}
