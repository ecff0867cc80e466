using System.Text.Json;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests.Json;

public class WriterTests
{
    public static TheoryData<string> AllResources() => new(Samples.AllResources.Append(Samples.BundleOfAll("collection")));

    [Theory]
    [MemberData(nameof(AllResources))]
    public void Parse_write_parse_gives_an_equal_model(string json)
    {
        var first = FhirJsonParser.Default.Parse(json);
        var written = FhirJsonWriter.Default.WriteToString(first);
        var second = FhirJsonParser.Default.Parse(written);
        ModelAssert.Equal(first, second);
        // A second round changes nothing: the writer is deterministic.
        Assert.Equal(written, FhirJsonWriter.Default.WriteToString(second));
    }

    [Fact]
    public void Round_trip_compares_deeply()
    {
        // Guard against a comparer that cannot fail: a changed decimal scale and a changed code are differences.
        var a = FhirJsonParser.Default.Parse("""{"resourceType":"Observation","valueQuantity":{"value":1.50}}""");
        var b = FhirJsonParser.Default.Parse("""{"resourceType":"Observation","valueQuantity":{"value":1.5}}""");
        Assert.ThrowsAny<Exception>(() => ModelAssert.Equal(a, b));
        var c = FhirJsonParser.Default.Parse("""{"resourceType":"Observation","code":{"coding":[{"code":"x"}]}}""");
        var d = FhirJsonParser.Default.Parse("""{"resourceType":"Observation","code":{"coding":[{"code":"y"}]}}""");
        Assert.ThrowsAny<Exception>(() => ModelAssert.Equal(c, d));
    }

    [Fact]
    public void Output_is_in_specification_order_and_keeps_decimal_precision()
    {
        var obs = new Observation
        {
            Id = "o",
            Status = "final",
            Code = new CodeableConcept { Coding = [new Coding { System = "http://loinc.org", Code = "1834-1" }] },
            Subject = new Reference { ReferenceValue = "Patient/p" },
            Effective = new FhirDateTimeValue(FhirDateTime.Parse("2024-01-02")),
            Value = new Quantity { Value = 12.50m, Unit = "ng/mL", System = "http://unitsofmeasure.org", Code = "ng/mL" },
        };
        Assert.Equal(
            """{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1834-1"}]},"subject":{"reference":"Patient/p"},"effectiveDateTime":"2024-01-02","valueQuantity":{"value":12.50,"unit":"ng/mL","system":"http://unitsofmeasure.org","code":"ng/mL"}}""",
            FhirJsonWriter.Default.WriteToString(obs));
    }

    [Fact]
    public void Empty_members_are_never_written()
    {
        var obs = new Observation
        {
            Id = "",
            Status = null,
            Meta = new Meta(),
            Category = [new CodeableConcept(), new CodeableConcept { Text = "" }],
            Code = new CodeableConcept { Coding = [new Coding()] },
            Subject = new Reference(),
            Value = new FhirString(""),
            Effective = new Period(),
            Note = [new Annotation()],
            Component = [new ObservationComponent { Code = new CodeableConcept() }],
            Extensions = [new Extension { Url = "u", Value = new Quantity() }],
        };
        var json = FhirJsonWriter.Default.WriteToString(obs);
        Assert.Equal("""{"resourceType":"Observation","extension":[{"url":"u"}]}""", json);
        var bundle = new Bundle { Entry = [new BundleEntry(), new BundleEntry { Response = new BundleEntryResponse() }], Link = [new BundleLink()] };
        Assert.Equal("""{"resourceType":"Bundle"}""", FhirJsonWriter.Default.WriteToString(bundle));
    }

    [Fact]
    public void Original_json_is_written_only_when_asked()
    {
        var json = """{"resourceType":"Patient","id":"p","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"},"gender":"male"}""";
        var patient = FhirJsonParser.Default.Parse(json);
        Assert.Equal("""{"resourceType":"Patient","id":"p","gender":"male"}""", FhirJsonWriter.Default.WriteToString(patient));
        var original = new FhirJsonWriter(new FhirJsonWriterOptions { UseOriginalJson = true }).WriteToString(patient);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(json).RootElement, JsonDocument.Parse(original).RootElement));
    }

    [Fact]
    public void OtherResource_is_written_from_its_json()
    {
        var encounter = FhirJsonParser.Default.Parse(Samples.Encounter);
        var written = FhirJsonWriter.Default.WriteToString(encounter);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(Samples.Encounter).RootElement, JsonDocument.Parse(written).RootElement));
        Assert.Equal("""{"resourceType":"Basic","id":"b"}""", FhirJsonWriter.Default.WriteToString(new OtherResource("Basic") { Id = "b" }));
    }

    [Fact]
    public void Indented_output_parses_to_the_same_model()
    {
        var bundle = FhirJsonParser.Default.Parse(Samples.BundleOfAll("searchset"));
        var indented = new FhirJsonWriter(new FhirJsonWriterOptions { Indented = true }).WriteToString(bundle);
        Assert.Contains("\n  \"type\": \"searchset\"", indented);
        ModelAssert.Equal(bundle, FhirJsonParser.Default.Parse(indented));
    }

    [Fact]
    public void Choice_subtypes_keep_their_json_name()
    {
        var proc = FhirJsonParser.Default.Parse(Samples.Procedure);
        var written = FhirJsonWriter.Default.WriteToString(proc);
        Assert.Contains("\"performedAge\":{\"value\":64", written);
        var ext = FhirJsonParser.Default.Parse("""{"resourceType":"Patient","extension":[{"url":"u","valueUnsignedInt":0},{"url":"v","valueMarkdown":"*x*"}]}""");
        var extJson = FhirJsonWriter.Default.WriteToString(ext);
        Assert.Contains("\"valueUnsignedInt\":0", extJson);
        Assert.Contains("\"valueMarkdown\":\"*x*\"", extJson);
    }
}
