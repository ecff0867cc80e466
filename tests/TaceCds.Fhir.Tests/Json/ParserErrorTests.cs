using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests.Json;

/// <summary>Every error code, with the code and the JSON path asserted.</summary>
public class ParserErrorTests
{
    private static FhirFormatException Fails(string json, FhirJsonParserOptions? options = null) =>
        Assert.Throws<FhirFormatException>(() => new FhirJsonParser(options).Parse(json));

    private static FhirFormatException FailsAs<T>(string json) where T : Resource =>
        Assert.Throws<FhirFormatException>(() => FhirJsonParser.Default.Parse<T>(json));

    [Fact]
    public void Number_for_a_code_is_JSON103_at_the_element()
    {
        var ex = Fails("""{"resourceType":"Observation","status":5}""");
        Assert.Equal("JSON103", ex.Code);
        Assert.Equal("Observation.status", ex.Path);
        Assert.Contains("JSON103", ex.Message);
        Assert.Contains("Observation.status", ex.Message);
    }

    [Fact]
    public void String_for_a_decimal_is_JSON103_inside_the_choice()
    {
        var ex = Fails("""{"resourceType":"Observation","status":"final","valueQuantity":{"value":"abc"}}""");
        Assert.Equal(("JSON103", "Observation.valueQuantity.value"), (ex.Code, ex.Path));
    }

    [Fact]
    public void Path_runs_through_bundle_entries_and_choice_values()
    {
        var entries = string.Join(",", Enumerable.Range(0, 3).Select(i => """{"resource":{"resourceType":"Observation","valueQuantity":{"value":""" + i + "}}}"));
        var ex = Fails("""{"resourceType":"Bundle","type":"collection","entry":[""" + entries
            + """,{"resource":{"resourceType":"Observation","valueQuantity":{"value":"1.5"}}}]}""");
        Assert.Equal(("JSON103", "Bundle.entry[3].resource.valueQuantity.value"), (ex.Code, ex.Path));
    }

    [Fact]
    public void Impossible_month_is_JSON105()
    {
        var ex = Fails("""{"resourceType":"Observation","effectiveDateTime":"2024-13-01"}""");
        Assert.Equal(("JSON105", "Observation.effectiveDateTime"), (ex.Code, ex.Path));
    }

    [Fact]
    public void Truncated_json_is_JSON101_with_line_and_position()
    {
        var ex = Fails("{\n  \"resourceType\": \"Patient\",\n  \"id\": \"p1\"\n");
        Assert.Equal("JSON101", ex.Code);
        Assert.Equal(4, ex.Line);
        Assert.NotNull(ex.Position);
        Assert.Contains("line 4", ex.Message);
    }

    [Fact]
    public void Syntax_error_reports_the_line_and_byte_of_the_bad_token()
    {
        var ex = Fails("{\n\"resourceType\": \"Patient\",\n\"id\": x}");
        Assert.Equal(("JSON101", 3L, 7L), (ex.Code, ex.Line, ex.Position));
    }

    [Fact]
    public void Data_after_the_resource_is_JSON101()
    {
        Assert.Equal("JSON101", Fails("""{"resourceType":"Patient"} {}""").Code);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","gender":"male","gender":"female"}""")]
    [InlineData("""{"resourceType":"Patient",}""")]
    [InlineData("""{"resourceType":"Patient" /* c */}""")]
    [InlineData("""{'resourceType':'Patient'}""")]
    public void Duplicate_names_trailing_commas_comments_and_single_quotes_are_JSON101(string json)
    {
        Assert.Equal("JSON101", Fails(json).Code);
    }

    [Fact]
    public void Empty_input_is_JSON101()
    {
        Assert.Equal("JSON101", Fails("   ").Code);
    }

    [Fact]
    public void Nesting_deeper_than_MaxDepth_is_JSON101()
    {
        var deep = """{"resourceType":"Patient","x":""" + new string('[', 70) + new string(']', 70) + "}";
        Assert.Equal("JSON101", Fails(deep).Code);
        var shallow = """{"resourceType":"Patient","x":""" + new string('[', 10) + new string(']', 10) + "}";
        Assert.IsType<Patient>(FhirJsonParser.Default.Parse(shallow));
    }

    [Fact]
    public void Patient_read_as_Bundle_is_JSON102()
    {
        var ex = FailsAs<Bundle>("""{"resourceType":"Patient"}""");
        Assert.Equal(("JSON102", "$.resourceType"), (ex.Code, ex.Path));
        Assert.Contains("expected a Bundle but got Patient", ex.Message);
    }

    [Fact]
    public void Misspelt_resource_type_is_JSON102()
    {
        var ex = Fails("""{"resourceType":"Observaton","status":"final"}""");
        Assert.Equal(("JSON102", "$.resourceType"), (ex.Code, ex.Path));
        Assert.Contains("Observaton", ex.Message);
    }

    [Fact]
    public void Unmodelled_type_asked_as_a_modelled_one_is_JSON102()
    {
        Assert.Equal("JSON102", FailsAs<Observation>("""{"resourceType":"Encounter"}""").Code);
    }

    [Theory]
    [InlineData("""{"id":"x"}""", "$")]
    [InlineData("""[{"resourceType":"Patient"}]""", "$")]
    [InlineData("\"Patient\"", "$")]
    [InlineData("""{"resourceType":7}""", "$.resourceType")]
    [InlineData("""{"resourceType":null}""", "$.resourceType")]
    public void Missing_resource_type_or_not_an_object_is_JSON104(string json, string path)
    {
        var ex = Fails(json);
        Assert.Equal(("JSON104", path), (ex.Code, ex.Path));
    }

    [Theory]
    [InlineData("""{"resourceType":"Observation","valueDecimal":1e400}""", "Observation.valueDecimal")]
    [InlineData("""{"resourceType":"Observation","valueQuantity":{"value":99999999999999999999999999999999}}""", "Observation.valueQuantity.value")]
    [InlineData("""{"resourceType":"Observation","valueInteger":1.5}""", "Observation.valueInteger")]
    [InlineData("""{"resourceType":"Observation","valueInteger":3000000000}""", "Observation.valueInteger")]
    [InlineData("""{"resourceType":"Bundle","total":2.5}""", "Bundle.total")]
    [InlineData("""{"resourceType":"Bundle","total":-1}""", "Bundle.total")]
    [InlineData("""{"resourceType":"Patient","birthDate":"1970-02-30"}""", "Patient.birthDate")]
    [InlineData("""{"resourceType":"Patient","birthDate":"1970-01-01T10:00:00Z"}""", "Patient.birthDate")]
    [InlineData("""{"resourceType":"Observation","issued":"2024-01-01T10:00Z"}""", "Observation.issued")]
    [InlineData("""{"resourceType":"Observation","issued":"2024-01-01"}""", "Observation.issued")]
    [InlineData("""{"resourceType":"Observation","valueTime":"25:00:00"}""", "Observation.valueTime")]
    [InlineData("""{"resourceType":"Observation","status":""}""", "Observation.status")]
    [InlineData("""{"resourceType":"Observation","status":" final"}""", "Observation.status")]
    [InlineData("""{"resourceType":"Patient","id":"has space"}""", "Patient.id")]
    [InlineData("""{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org"},{"display":""}]}}""", "Observation.code.coding[1].display")]
    public void Invalid_primitive_value_is_JSON105(string json, string path)
    {
        var ex = Fails(json);
        Assert.Equal(("JSON105", path), (ex.Code, ex.Path));
    }

    [Theory]
    [InlineData("""{"resourceType":"Observation","category":{"text":"x"}}""", "Observation.category", "an array")]
    [InlineData("""{"resourceType":"Observation","code":"718-7"}""", "Observation.code", "an object")]
    [InlineData("""{"resourceType":"Observation","subject":[{"reference":"Patient/1"}]}""", "Observation.subject", "an object")]
    [InlineData("""{"resourceType":"Patient","active":1}""", "Patient.active", "a boolean")]
    [InlineData("""{"resourceType":"Patient","active":"true"}""", "Patient.active", "a boolean")]
    [InlineData("""{"resourceType":"Patient","gender":null}""", "Patient.gender", "a string")]
    [InlineData("""{"resourceType":"Patient","name":[{"given":"Ann"}]}""", "Patient.name[0].given", "an array")]
    [InlineData("""{"resourceType":"Observation","effectiveDateTime":20240101}""", "Observation.effectiveDateTime", "a string")]
    [InlineData("""{"resourceType":"Observation","valueSampledData":"x"}""", "Observation.valueSampledData", "an object")]
    [InlineData("""{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Observation","status":"final"}},{"resource":{"resourceType":"Observation","status":true}}]}""", "Bundle.entry[1].resource.status", "a string")]
    public void Wrong_json_type_is_JSON103(string json, string path, string expected)
    {
        var ex = Fails(json);
        Assert.Equal(("JSON103", path), (ex.Code, ex.Path));
        Assert.Contains("expected " + expected, ex.Message);
    }

    [Fact]
    public void Input_larger_than_the_bound_is_JSON106()
    {
        var options = new FhirJsonParserOptions { MaxInputBytes = 20 };
        var json = """{"resourceType":"Patient","id":"abcdefghijk"}""";
        Assert.Equal("JSON106", Fails(json, options).Code);
        using var stream = new NonSeekableStream(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.Equal("JSON106", Assert.Throws<FhirFormatException>(() => new FhirJsonParser(options).Parse(stream)).Code);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, json);
            Assert.Equal("JSON106", Assert.Throws<FhirFormatException>(() => new FhirJsonParser(options).ParseFile(file)).Code);
            Assert.Equal("p", new FhirJsonParser().ParseFile<Patient>(WriteAndReturn(file, """{"resourceType":"Patient","id":"p"}""")).Id);
        }
        finally { File.Delete(file); }
    }

    [Theory]
    [InlineData("""{"resourceType":"Observation","valueQuantity":{"value":1},"valueString":"x"}""", "Observation.valueString")]
    [InlineData("""{"resourceType":"Observation","valueSampledData":{},"valueString":"x"}""", "Observation.valueString")]
    [InlineData("""{"resourceType":"Procedure","performedDateTime":"2024","performedPeriod":{}}""", "Procedure.performedPeriod")]
    [InlineData("""{"resourceType":"Patient","extension":[{"url":"u","valueBoolean":true,"valueCode":"x"}]}""", "Patient.extension[0].valueCode")]
    public void Two_values_for_one_choice_element_is_JSON107(string json, string path)
    {
        var ex = Fails(json);
        Assert.Equal(("JSON107", path), (ex.Code, ex.Path));
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","extension":[{"valueBoolean":true}]}""", "Patient.extension[0]")]
    [InlineData("""{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"url":"Patient"}}]}""", "Bundle.entry[0].request")]
    [InlineData("""{"resourceType":"OperationOutcome","issue":[{"severity":"error"}]}""", "OperationOutcome.issue[0]")]
    public void Missing_required_element_is_JSON108(string json, string path)
    {
        var ex = Fails(json);
        Assert.Equal(("JSON108", path), (ex.Code, ex.Path));
    }

    private static string WriteAndReturn(string file, string text)
    {
        File.WriteAllText(file, text);
        return file;
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
