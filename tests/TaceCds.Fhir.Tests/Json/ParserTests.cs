using System.Text.Json;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests.Json;

public class ParserTests
{
    private static readonly FhirJsonParser Parser = FhirJsonParser.Default;

    [Fact]
    public void Observation_members_are_read()
    {
        var obs = Parser.Parse<Observation>("""
        {
          "resourceType": "Observation", "id": "afp-1",
          "meta": {"versionId": "2", "lastUpdated": "2024-03-01T10:00:00Z", "profile": ["http://x/p"]},
          "identifier": [{"system": "urn:lab", "value": "L1"}],
          "status": "final",
          "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory"}]}],
          "code": {"coding": [{"system": "http://loinc.org", "code": "1834-1", "display": "AFP"}], "text": "AFP"},
          "subject": {"reference": "Patient/p1", "display": "P"},
          "focus": [{"reference": "BodyStructure/l1"}],
          "encounter": {"reference": "Encounter/e1"},
          "effectiveDateTime": "2024-02-28T09:30:00+08:00",
          "issued": "2024-02-28T12:00:00.000+08:00",
          "valueQuantity": {"value": 12.50, "comparator": "<", "unit": "ng/mL", "system": "http://unitsofmeasure.org", "code": "ng/mL"},
          "interpretation": [{"text": "H"}],
          "note": [{"authorString": "lab", "time": "2024-02-28", "text": "repeat"}],
          "bodySite": {"text": "liver"}, "method": {"text": "m"}, "specimen": {"reference": "Specimen/s"},
          "hasMember": [{"reference": "Observation/o2"}], "derivedFrom": [{"reference": "ImagingStudy/i1"}],
          "component": [{"code": {"text": "c"}, "valueString": "v"}, {"code": {"text": "d"}, "dataAbsentReason": {"text": "unknown"}}]
        }
        """);
        Assert.Equal(("afp-1", "final", "2"), (obs.Id, obs.Status, obs.Meta!.VersionId));
        Assert.Equal(["http://x/p"], obs.Meta.Profile);
        Assert.Equal("L1", obs.Identifier.Single().Value);
        Assert.True(obs.Code!.Has("http://loinc.org", "1834-1"));
        Assert.Equal("Patient/p1", obs.Subject!.ReferenceValue);
        Assert.Equal("BodyStructure/l1", obs.Focus.Single().ReferenceValue);
        var effective = Assert.IsType<FhirDateTimeValue>(obs.Effective);
        Assert.Equal(new DateOnly(2024, 2, 28), effective.Value.Date);
        Assert.Equal(TimeSpan.FromHours(8), effective.Value.Start.Offset);
        var q = Assert.IsType<Quantity>(obs.Value);
        Assert.Equal("12.50", q.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("<", "ng/mL"), (q.Comparator, q.Code));
        Assert.Equal("repeat", obs.Note.Single().Text);
        Assert.Equal("lab", obs.Note.Single().AuthorString);
        Assert.Equal("ImagingStudy/i1", obs.DerivedFrom.Single().ReferenceValue);
        Assert.Equal(2, obs.Component.Count);
        Assert.Equal("v", Assert.IsType<FhirString>(obs.Component[0].Value).Value);
        Assert.Equal("unknown", obs.Component[1].DataAbsentReason!.Text);
        Assert.Equal("Specimen/s", obs.Specimen!.ReferenceValue);
    }

    [Fact]
    public void Unknown_elements_and_primitive_extensions_are_skipped_but_kept_in_Json()
    {
        var p = Parser.Parse<Patient>("""
        {"resourceType":"Patient","id":"p1","text":{"status":"generated","div":"<div/>"},"futureElement":{"a":[1,2]},
         "birthDate":"1950-05","_birthDate":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthTime","valueDateTime":"1950-05-03T10:00:00Z"}]},
         "name":[{"family":"Ng","given":["A",null],"_given":[null,{"extension":[]}]}],
         "deceasedBoolean":false,"valueFoo":3}
        """);
        Assert.Equal(DateTimePrecision.Month, p.BirthDate!.Precision);
        Assert.Equal(["A"], p.Name.Single().Given);
        Assert.False(Assert.IsType<FhirBoolean>(p.Deceased).Value);
        Assert.Equal(2, p.Json!.Value.GetProperty("futureElement").GetProperty("a").GetArrayLength());
    }

    [Fact]
    public void Unmodelled_choice_type_is_kept_only_in_Json()
    {
        var obs = Parser.Parse<Observation>("""{"resourceType":"Observation","valueSampledData":{"origin":{"value":0},"dimensions":1}}""");
        Assert.Null(obs.Value);
        Assert.Equal(1, obs.Json!.Value.GetProperty("valueSampledData").GetProperty("dimensions").GetInt32());
    }

    [Fact]
    public void Valid_R4_type_we_do_not_model_is_an_OtherResource()
    {
        var r = Parser.Parse("""{"resourceType":"Encounter","id":"e1","status":"finished","extension":[{"url":"u","valueString":"s"}]}""");
        var other = Assert.IsType<OtherResource>(r);
        Assert.Equal(("Encounter", "e1", "Encounter/e1"), (other.ResourceType, other.Id, other.LocalReference));
        Assert.Equal("s", Assert.IsType<FhirString>(other.FindExtension("u")!.Value).Value);
        Assert.Equal("finished", other.Json!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public void Json_outlives_the_document_it_was_read_from()
    {
        Resource r;
        using (var doc = JsonDocument.Parse("""{"resourceType":"Condition","id":"c","onsetPeriod":{"start":"2020"}}"""))
            r = Parser.Parse(doc.RootElement);
        Assert.Equal("c", r.Json!.Value.GetProperty("id").GetString());
        Assert.Equal(2020, Assert.IsType<Period>(((Condition)r).Onset).Start!.Date.Year);
    }

    [Fact]
    public void Stream_with_byte_order_mark_is_read()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("""{"resourceType":"Patient","id":"b"}""")).ToArray();
        using var stream = new MemoryStream(bytes);
        Assert.Equal("b", Parser.Parse<Patient>(stream).Id);
    }

    [Fact]
    public void Procedure_ImagingStudy_and_BodyStructure_members_are_read()
    {
        var proc = Parser.Parse<Procedure>("""
        {"resourceType":"Procedure","id":"t1","status":"completed","category":{"text":"c"},
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"441525007"}]},"subject":{"reference":"Patient/p1"},
         "performedPeriod":{"start":"2024-01-05T08:00:00Z","end":"2024-01-05T09:00:00Z"},
         "bodySite":[{"text":"right lobe"}],"focus":[{"reference":"BodyStructure/l1"}],"note":[{"text":"n"}],
         "extension":[{"url":"https://tacecds.org/fhir/StructureDefinition/tace-standardized","valueBoolean":true}]}
        """);
        Assert.Equal(new DateOnly(2024, 1, 5), Assert.IsType<Period>(proc.Performed).Start!.Date);
        Assert.True(Assert.IsType<FhirBoolean>(proc.FindExtension("https://tacecds.org/fhir/StructureDefinition/tace-standardized")!.Value).Value);
        Assert.Equal(("right lobe", "c"), (proc.BodySite.Single().Text, proc.Category!.Text));

        var study = Parser.Parse<ImagingStudy>("""
        {"resourceType":"ImagingStudy","id":"i1","status":"available","identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.2.3"}],
         "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"CT"}],"subject":{"reference":"Patient/p1"},
         "started":"2024-02-01T10:00:00Z","description":"CT abdomen",
         "series":[{"uid":"1.2.3.4","modality":{"code":"CT"},"description":"arterial","bodySite":{"system":"http://snomed.info/sct","code":"10200004"}},
                   {"uid":"1.2.3.5","bodySite":{"coding":[{"code":"x"}],"text":"r5 shape"}}]}
        """);
        Assert.Equal("CT", study.Modality.Single().Code);
        Assert.Equal(2, study.Series.Count);
        Assert.True(study.Series[0].BodySite!.Has("http://snomed.info/sct", "10200004"));
        Assert.Equal("r5 shape", study.Series[1].BodySite!.Text);
        Assert.Equal("arterial", study.Series[0].Description);

        var lesion = Parser.Parse<BodyStructure>("""
        {"resourceType":"BodyStructure","id":"l1","active":true,"identifier":[{"value":"L1"}],"morphology":{"text":"HCC"},
         "location":{"coding":[{"system":"http://snomed.info/sct","code":"10200004"}]},"locationQualifier":[{"text":"segment 8"}],
         "description":"d","patient":{"reference":"Patient/p1"}}
        """);
        Assert.Equal(("Patient/p1", true, "segment 8"), (lesion.Patient!.ReferenceValue, lesion.Active, lesion.LocationQualifier.Single().Text));
    }

    [Fact]
    public void Medication_condition_servicerequest_and_outcome_members_are_read()
    {
        var ms = Parser.Parse<MedicationStatement>("""{"resourceType":"MedicationStatement","status":"active","medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"L01EX02"}]},"subject":{"reference":"Patient/p"},"effectivePeriod":{"start":"2023-06"},"dateAsserted":"2023-07-01"}""");
        Assert.True(Assert.IsType<CodeableConcept>(ms.Medication).Has("http://www.whocc.no/atc", "L01EX02"));
        Assert.IsType<Period>(ms.When);
        var mr = Parser.Parse<MedicationRequest>("""{"resourceType":"MedicationRequest","status":"active","intent":"order","medicationReference":{"reference":"Medication/m"},"authoredOn":"2023-06-02"}""");
        Assert.Equal("Medication/m", Assert.IsType<Reference>(mr.Medication).ReferenceValue);
        Assert.Equal(new DateOnly(2023, 6, 2), Assert.IsType<FhirDateTimeValue>(mr.When).Value.Date);
        var ma = Parser.Parse<MedicationAdministration>("""{"resourceType":"MedicationAdministration","status":"completed","medicationCodeableConcept":{"text":"x"},"effectiveDateTime":"2023-06-03"}""");
        Assert.Equal("2023-06-03", Assert.IsType<FhirDateTimeValue>(ma.When).Value.Value);
        var cond = Parser.Parse<Condition>("""{"resourceType":"Condition","clinicalStatus":{"text":"active"},"verificationStatus":{"text":"confirmed"},"category":[{"text":"dx"}],"code":{"text":"HCC"},"subject":{"reference":"Patient/p"},"onsetString":"childhood","recordedDate":"2022","note":[{"text":"n"}]}""");
        Assert.Equal(("string", "childhood"), (cond.Onset!.FhirTypeName, ((FhirString)cond.Onset).Value));
        var sr = Parser.Parse<ServiceRequest>("""{"resourceType":"ServiceRequest","status":"draft","intent":"proposal","code":{"text":"TACE"},"subject":{"reference":"Patient/p"},"authoredOn":"2024-01-01T00:00:00Z"}""");
        Assert.Equal(("draft", "proposal", "TACE"), (sr.Status, sr.Intent, sr.Code!.Text));
        var oo = Parser.Parse<OperationOutcome>("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","details":{"text":"d"},"diagnostics":"x","expression":["Patient.id"]}]}""");
        Assert.Equal(("error", "invalid", "Patient.id"), (oo.Issue[0].Severity, oo.Issue[0].Code, oo.Issue[0].Expression[0]));
    }
}
