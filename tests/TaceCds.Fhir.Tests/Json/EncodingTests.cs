using System.Text;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests.Json;

/// <summary>Bytes that are not valid UTF-8 or JSON escapes must become coded errors, never other exceptions.</summary>
public class EncodingTests
{
    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Invalid_utf8_in_a_string_is_a_coded_error()
    {
        var bytes = Utf8("""{"resourceType":"Patient","gender":"ma""").Concat(new byte[] { 0xFF, 0xFE }).Concat(Utf8("""le"}""")).ToArray();
        var ex = Assert.Throws<FhirFormatException>(() => FhirJsonParser.Default.ParseUtf8<Resource>(bytes));
        Assert.Equal("JSON101", ex.Code);
    }

    [Fact]
    public void Invalid_utf8_in_a_property_name_is_a_coded_error()
    {
        var bytes = Utf8("""{"resourceType":"Patient","x""").Concat(new byte[] { 0xC3 }).Concat(Utf8("\":1}")).ToArray();
        var ex = Assert.Throws<FhirFormatException>(() => FhirJsonParser.Default.ParseUtf8<Resource>(bytes));
        Assert.Equal("JSON101", ex.Code);
    }

    [Fact]
    public void Lone_surrogate_escape_is_a_coded_error()
    {
        var ex = Assert.Throws<FhirFormatException>(() => FhirJsonParser.Default.Parse("""{"resourceType":"Patient","gender":"\ud800"}"""));
        Assert.Contains(ex.Code, new[] { "JSON101", "JSON105" });
    }

    [Fact]
    public void Escaped_and_non_ascii_text_is_read_and_written_back()
    {
        var p = FhirJsonParser.Default.Parse<Patient>("""{"resourceType":"Patient","name":[{"family":"M\u00fcller \"Mü\" 李"}]}""");
        Assert.Equal("Müller \"Mü\" 李", p.Name[0].Family);
        var written = FhirJsonWriter.Default.WriteToString(p);
        Assert.Contains("Müller \\\"Mü\\\" 李", written);
    }

    [Fact]
    public void Invalid_utf8_in_ndjson_and_bundle_files_is_reported_with_its_place()
    {
        using var folder = new TempFolder();
        var bad = Utf8("""{"resourceType":"Observation","subject":{"reference":"Patient/p""").Concat(new byte[] { 0xFF }).Concat(Utf8("\"}}\n")).ToArray();
        var ndjson = Path.Combine(folder.Path, "Observation.ndjson");
        File.WriteAllBytes(ndjson, Utf8("""{"resourceType":"Patient","id":"p"}""" + "\n").Concat(bad).ToArray());
        var results = new TaceCds.Fhir.Ndjson.NdjsonReader().ReadFile(ndjson).ToList();
        Assert.Equal(("JSON101", 2L), (results[1].Error!.Code, results[1].Error!.Line));
        var index = new TaceCds.Fhir.Ndjson.NdjsonPatientPartitioner([ndjson]).BuildIndex();
        Assert.Equal(("JSON101", $"{ndjson}:2"), (index.Issues.Single().Code, index.Issues.Single().Location));

        var bundle = Path.Combine(folder.Path, "b.json");
        File.WriteAllBytes(bundle, Utf8("""{"resourceType":"Bundle","type":"coll""").Concat(new byte[] { 0xC3 }).Concat(Utf8("\"}")).ToArray());
        var ex = Assert.Throws<FhirFormatException>(() => TaceCds.Fhir.Json.Readers.BundleReader.ReadFile(bundle));
        Assert.Equal(("JSON101", "Bundle.type"), (ex.Code, ex.Path));
        var withEntry = Path.Combine(folder.Path, "c.json");
        File.WriteAllBytes(withEntry, Utf8("""{"resourceType":"Bundle","entry":[{"resource":""").Concat(bad).Concat(Utf8("}]}")).ToArray());
        var issue = new TaceCds.Fhir.Data.BundleFileDataSource([withEntry]).Issues.Single();
        Assert.Equal(("JSON101", withEntry + ": Bundle"), (issue.Code, issue.Location));
    }

    // Issue 13 row 7: a lone surrogate escape in a property NAME crashed evaluate (InvalidOperationException from the
    // duplicate-name check); it is a coded error with its place, like one in a value.
    [Fact]
    public void Lone_surrogate_escape_in_a_property_name_is_JSON101_with_path_line_and_position()
    {
        var json = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[\n  {\"resource\":{\"resourceType\":\"Patient\",\"id\":\"x\",\"\\ud800\":1}}]}";

        foreach (var parser in new[] { FhirJsonParser.Default, FhirJsonParser.Recovering })
        {
            var ex = Assert.Throws<FhirFormatException>(() => parser.Parse(json));
            Assert.Equal(("JSON101", "$.entry[0].resource", 2L, 50L), (ex.Code, ex.Path, ex.Line, ex.Position));
            Assert.Contains("lone surrogate", ex.Message);
        }
    }

    [Fact]
    public void Lone_surrogate_escape_in_a_property_name_is_reported_by_the_bundle_and_ndjson_sources()
    {
        using var folder = new TempFolder();
        var bundle = folder.Write("b.json", "{\"resourceType\":\"Bundle\",\"\\udc00x\":1}");
        var issue = new TaceCds.Fhir.Data.BundleFileDataSource([bundle]).Issues.Single();
        Assert.Equal(("JSON101", $"{bundle}:1"), (issue.Code, issue.Location));

        var ndjson = folder.Write("Patient.ndjson", "{\"resourceType\":\"Patient\",\"id\":\"p\"}\n{\"resourceType\":\"Patient\",\"\\ud800\":1}\n");
        var index = new TaceCds.Fhir.Ndjson.NdjsonPatientPartitioner([ndjson]).BuildIndex();
        Assert.Equal(("JSON101", $"{ndjson}:2"), (index.Issues.Single().Code, index.Issues.Single().Location));
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]             // overlong encoding of '/'
    [InlineData(new byte[] { 0xE0, 0x80, 0xAF })]       // overlong 3-byte encoding
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]       // an encoded surrogate (not allowed in UTF-8)
    [InlineData(new byte[] { 0xF8, 0x88, 0x80, 0x80 })] // 5-byte form, never valid
    public void Invalid_or_overlong_utf8_is_JSON101_in_a_name_and_in_a_value_never_a_crash(byte[] bad)
    {
        var inName = Utf8("""{"resourceType":"Patient","x""").Concat(bad).Concat(Utf8("\":1}")).ToArray();
        Assert.Equal("JSON101", Assert.Throws<FhirFormatException>(() => FhirJsonParser.Default.ParseUtf8<Resource>(inName)).Code);

        var inValue = Utf8("""{"resourceType":"Patient","id":"p","gender":"ma""").Concat(bad).Concat(Utf8("\"}")).ToArray();
        Assert.Equal("JSON101", Assert.Throws<FhirFormatException>(() => FhirJsonParser.Default.ParseUtf8<Resource>(inValue)).Code);
        // Recovering, the bad value is one element: dropped with its code, the patient kept.
        var patient = FhirJsonParser.Recovering.ParseUtf8<Patient>(inValue);
        Assert.Equal(("p", null), (patient.Id, patient.Gender));
        Assert.Equal(("JSON101", "Patient.gender"), (patient.DroppedElements.Single().Code, patient.DroppedElements.Single().Path));
    }
}
