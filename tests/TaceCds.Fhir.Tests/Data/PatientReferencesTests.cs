using System.Text.Json;
using TaceCds.Fhir.Data;

namespace TaceCds.Fhir.Tests.Data;

public class PatientReferencesTests
{
    [Theory]
    [InlineData("Patient/p1", "p1")]
    [InlineData("http://example.org/fhir/Patient/p-1.2", "p-1.2")]
    [InlineData("Patient/p1/_history/7", "p1")]
    [InlineData("Group/g", null)]
    [InlineData("urn:uuid:1234", null)]
    [InlineData("#contained", null)]
    [InlineData("Patient/", null)]
    [InlineData("MyPatient/x", null)]
    public void Patient_id_from_a_literal_reference(string reference, string? expected) =>
        Assert.Equal(expected, PatientReferences.PatientIdFromReference(reference));

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"a"}""", "a")]
    [InlineData("""{"resourceType":"Observation","subject":{"reference":"Patient/b"}}""", "b")]
    [InlineData("""{"resourceType":"BodyStructure","patient":{"reference":"Patient/c"}}""", "c")]
    [InlineData("""{"resourceType":"Observation","subject":{"reference":"Group/g"},"patient":{"reference":"Patient/d"}}""", "d")]
    [InlineData("""{"resourceType":"Observation","subject":{"display":"no reference"}}""", null)]
    [InlineData("""{"resourceType":"Observation","subject":"Patient/e"}""", null)]
    [InlineData("""{"resourceType":"Observation","subject":{"reference":"urn:uuid:u"}}""", "resolved")]
    public void Patient_of_a_resource(string json, string? expected)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(expected, PatientReferences.FindPatientId(doc.RootElement, r => r == "urn:uuid:u" ? "resolved" : null));
    }
}
