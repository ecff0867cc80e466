using System.Globalization;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests.Json;

/// <summary>Every value[x] suffix the model holds, read through an extension (which allows them all).</summary>
public class ChoiceTypeTests
{
    private static Element? ReadValue(string property, string jsonValue)
    {
        var patient = FhirJsonParser.Default.Parse<Patient>(
            $$"""{"resourceType":"Patient","extension":[{"url":"u","{{property}}":{{jsonValue}}}]}""");
        return patient.Extensions.Single().Value;
    }

    [Theory]
    [InlineData("valueBoolean", "true", "boolean", "True")]
    [InlineData("valueInteger", "-3", "integer", "-3")]
    [InlineData("valuePositiveInt", "4", "positiveInt", "4")]
    [InlineData("valueUnsignedInt", "0", "unsignedInt", "0")]
    [InlineData("valueDecimal", "1.230", "decimal", "1.230")]
    [InlineData("valueString", "\"s\"", "string", "s")]
    [InlineData("valueCode", "\"a-code\"", "code", "a-code")]
    [InlineData("valueUri", "\"urn:x\"", "uri", "urn:x")]
    [InlineData("valueUrl", "\"http://x\"", "url", "http://x")]
    [InlineData("valueCanonical", "\"http://x|1\"", "canonical", "http://x|1")]
    [InlineData("valueId", "\"abc.1\"", "id", "abc.1")]
    [InlineData("valueMarkdown", "\"*m*\"", "markdown", "*m*")]
    [InlineData("valueOid", "\"urn:oid:1.2\"", "oid", "urn:oid:1.2")]
    [InlineData("valueUuid", "\"urn:uuid:6b2e4a55-1c4e-4a55-9c3e-1a2b3c4d5e6f\"", "uuid", "urn:uuid:6b2e4a55-1c4e-4a55-9c3e-1a2b3c4d5e6f")]
    [InlineData("valueBase64Binary", "\"AAEC\"", "base64Binary", "AAEC")]
    [InlineData("valueDate", "\"2024-02\"", "date", "2024-02")]
    [InlineData("valueDateTime", "\"2024-02-03T04:05:06-05:00\"", "dateTime", "2024-02-03T04:05:06-05:00")]
    [InlineData("valueInstant", "\"2024-02-03T04:05:06.123Z\"", "instant", "2024-02-03T04:05:06.123Z")]
    [InlineData("valueTime", "\"13:45:00\"", "time", "13:45:00")]
    public void Primitive_choice_values(string property, string json, string typeName, string expected)
    {
        var value = ReadValue(property, json);
        Assert.NotNull(value);
        Assert.Equal(typeName, value.FhirTypeName);
        string actual = value switch
        {
            FhirBoolean b => b.Value.ToString(),
            FhirInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
            FhirDecimal d => d.Value.ToString(CultureInfo.InvariantCulture),
            FhirString s => s.Value,
            FhirDateTimeValue dt => dt.Value.Value,
            FhirTime t => t.Value,
            _ => throw new InvalidOperationException(value.GetType().Name),
        };
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("valueQuantity", "Quantity")]
    [InlineData("valueAge", "Age")]
    [InlineData("valueDuration", "Duration")]
    [InlineData("valueCount", "Count")]
    [InlineData("valueDistance", "Distance")]
    public void Quantity_and_its_profiles_are_Quantity(string property, string typeName)
    {
        var q = Assert.IsType<Quantity>(ReadValue(property, """{"value":41,"system":"http://unitsofmeasure.org","code":"a"}"""));
        Assert.Equal((41m, "a", typeName), (q.Value, q.Code, q.FhirTypeName));
    }

    [Fact]
    public void Complex_choice_values()
    {
        Assert.Equal("x", Assert.IsType<CodeableConcept>(ReadValue("valueCodeableConcept", """{"text":"x"}""")).Text);
        Assert.Equal("c", Assert.IsType<Coding>(ReadValue("valueCoding", """{"system":"urn:s","code":"c"}""")).Code);
        var range = Assert.IsType<Model.Range>(ReadValue("valueRange", """{"low":{"value":1},"high":{"value":2.5}}"""));
        Assert.Equal((1m, 2.5m), (range.Low!.Value, range.High!.Value));
        var ratio = Assert.IsType<Ratio>(ReadValue("valueRatio", """{"numerator":{"value":1},"denominator":{"value":3}}"""));
        Assert.Equal((1m, 3m), (ratio.Numerator!.Value, ratio.Denominator!.Value));
        var period = Assert.IsType<Period>(ReadValue("valuePeriod", """{"start":"2020-01-01","end":"2020-02"}"""));
        Assert.Equal(DateTimePrecision.Month, period.End!.Precision);
        Assert.Equal("Patient/1", Assert.IsType<Reference>(ReadValue("valueReference", """{"reference":"Patient/1","type":"Patient"}""")).ReferenceValue);
        Assert.Equal("v", Assert.IsType<Identifier>(ReadValue("valueIdentifier", """{"system":"s","value":"v","use":"usual"}""")).Value);
        Assert.Equal("t", Assert.IsType<Annotation>(ReadValue("valueAnnotation", """{"text":"t"}""")).Text);
        Assert.Equal("F", Assert.IsType<HumanName>(ReadValue("valueHumanName", """{"family":"F"}""")).Family);
        Assert.Equal("3", Assert.IsType<Meta>(ReadValue("valueMeta", """{"versionId":"3"}""")).VersionId);
    }

    [Theory]
    [InlineData("valueAttachment")]
    [InlineData("valueTiming")]
    [InlineData("valueAddress")]
    [InlineData("valueMoney")]
    [InlineData("valueDosage")]
    public void Unmodelled_complex_types_leave_the_value_null(string property)
    {
        Assert.Null(ReadValue(property, "{}"));
    }

    [Fact]
    public void Nested_extensions_are_read()
    {
        var p = FhirJsonParser.Default.Parse<Patient>("""
        {"resourceType":"Patient","modifierExtension":[{"url":"m","valueBoolean":true}],
         "extension":[{"url":"outer","extension":[{"url":"a","valueString":"x"},{"url":"b","valueInteger":2}]}]}
        """);
        var outer = p.FindExtension("outer")!;
        Assert.Null(outer.Value);
        Assert.Equal(["a", "b"], outer.Extensions.Select(e => e.Url));
        Assert.Equal("m", p.ModifierExtensions.Single().Url);
    }

    [Theory]
    [InlineData("effectiveDateTime", "\"2024\"", "dateTime")]
    [InlineData("effectivePeriod", """{"start":"2024"}""", "Period")]
    [InlineData("effectiveInstant", "\"2024-01-01T00:00:00Z\"", "instant")]
    public void Effective_choice_types(string property, string json, string typeName)
    {
        var obs = FhirJsonParser.Default.Parse<Observation>($$"""{"resourceType":"Observation","{{property}}":{{json}}}""");
        Assert.Equal(typeName, obs.Effective!.FhirTypeName);
    }

    [Fact]
    public void Deceased_and_performed_choices()
    {
        var p = FhirJsonParser.Default.Parse<Patient>("""{"resourceType":"Patient","deceasedDateTime":"2024-05-06"}""");
        Assert.Equal("dateTime", p.Deceased!.FhirTypeName);
        var proc = FhirJsonParser.Default.Parse<Procedure>("""{"resourceType":"Procedure","performedAge":{"value":60,"code":"a"}}""");
        Assert.Equal("Age", proc.Performed!.FhirTypeName);
        var proc2 = FhirJsonParser.Default.Parse<Procedure>("""{"resourceType":"Procedure","performedString":"last year"}""");
        Assert.Equal("last year", Assert.IsType<FhirString>(proc2.Performed).Value);
    }
}
