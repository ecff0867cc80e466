namespace TaceCds.Fhir.Tests.Json;

/// <summary>One richly filled resource of every modelled type (every model member set at least once).</summary>
public static class Samples
{
    public const string Patient = """
        {"resourceType":"Patient","id":"p1","meta":{"versionId":"1","lastUpdated":"2024-01-01T00:00:00Z","profile":["http://x/Patient"]},
         "extension":[{"url":"http://x/ext","valueCode":"a"}],"modifierExtension":[{"url":"http://x/mod","valueBoolean":false}],
         "identifier":[{"use":"usual","system":"urn:mrn","value":"123"}],"active":true,
         "name":[{"use":"official","text":"Ann Lee","family":"Lee","given":["Ann","B."]}],"gender":"female","birthDate":"1950-03-04",
         "deceasedDateTime":"2024-05-06T07:08:00+02:00"}
        """;

    public const string Observation = """
        {"resourceType":"Observation","id":"o1","identifier":[{"value":"x"}],"status":"final",
         "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"imaging"}]}],
         "code":{"coding":[{"system":"https://tacecds.org/fhir/CodeSystem/tacecds","version":"1","code":"viable-diameter","display":"Viable diameter"}],"text":"d"},
         "subject":{"reference":"Patient/p1","type":"Patient","identifier":{"system":"s","value":"v"},"display":"Ann"},
         "focus":[{"reference":"BodyStructure/l1"}],"encounter":{"reference":"Encounter/e"},
         "effectivePeriod":{"start":"2024-02","end":"2024-03-01T10:00:00Z"},"issued":"2024-03-02T10:00:00.5+01:00",
         "valueRatio":{"numerator":{"value":1.0,"comparator":">=","unit":"mm","system":"http://unitsofmeasure.org","code":"mm"},"denominator":{"value":3}},
         "dataAbsentReason":{"text":"n/a"},"interpretation":[{"text":"H"}],
         "note":[{"authorString":"rad","time":"2024-03-02","text":"check"}],"bodySite":{"text":"liver"},"method":{"text":"mRECIST"},
         "specimen":{"reference":"Specimen/s1"},"hasMember":[{"reference":"Observation/o2"}],"derivedFrom":[{"reference":"ImagingStudy/i1"}],
         "component":[{"code":{"text":"a"},"valueRange":{"low":{"value":1},"high":{"value":2.50}}},
                      {"code":{"text":"b"},"valueTime":"10:11:12"},{"code":{"text":"c"},"valueInteger":7},
                      {"code":{"text":"d"},"valueBoolean":true},{"code":{"text":"e"},"valueDecimal":0.100},
                      {"code":{"text":"f"},"dataAbsentReason":{"text":"unknown"}}]}
        """;

    public const string Procedure = """
        {"resourceType":"Procedure","id":"t1","identifier":[{"value":"TACE-1"}],"status":"completed","category":{"text":"therapy"},
         "code":{"coding":[{"system":"http://snomed.info/sct","code":"441525007"}]},"subject":{"reference":"Patient/p1"},
         "performedAge":{"value":64,"unit":"a","system":"http://unitsofmeasure.org","code":"a"},"bodySite":[{"text":"segment 8"}],
         "note":[{"text":"cTACE"}],"focus":[{"reference":"BodyStructure/l1"}],
         "extension":[{"url":"https://tacecds.org/fhir/StructureDefinition/tace-standardized","valueBoolean":true}]}
        """;

    public const string ImagingStudy = """
        {"resourceType":"ImagingStudy","id":"i1","identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.2.840.1"}],"status":"available",
         "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"MR"}],"subject":{"reference":"Patient/p1"},
         "started":"2024-03-01T09:00:00+08:00","description":"MRI liver",
         "series":[{"uid":"1.2.840.1.1","modality":{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"MR"},"description":"arterial",
                    "bodySite":{"system":"http://snomed.info/sct","code":"10200004","display":"Liver structure"}}],
         "extension":[{"url":"https://tacecds.org/fhir/StructureDefinition/contrast-enhanced","valueBoolean":true}]}
        """;

    public const string BodyStructure = """
        {"resourceType":"BodyStructure","id":"l1","identifier":[{"value":"L1"}],"active":true,"morphology":{"text":"HCC"},
         "location":{"coding":[{"system":"http://snomed.info/sct","code":"10200004"}]},"locationQualifier":[{"text":"S8"}],
         "description":"target 1","patient":{"reference":"Patient/p1"}}
        """;

    public const string Condition = """
        {"resourceType":"Condition","id":"c1","clinicalStatus":{"text":"active"},"verificationStatus":{"text":"confirmed"},
         "category":[{"text":"encounter-diagnosis"}],"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"C22.0"}]},
         "subject":{"reference":"Patient/p1"},"onsetDateTime":"2023","recordedDate":"2023-05-01","note":[{"text":"biopsy"}]}
        """;

    public const string MedicationStatement = """
        {"resourceType":"MedicationStatement","id":"ms1","status":"active",
         "medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"L01EX02"}]},
         "subject":{"reference":"Patient/p1"},"effectiveDateTime":"2023-06-01","dateAsserted":"2023-06-02"}
        """;

    public const string MedicationRequest = """
        {"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order",
         "medicationReference":{"reference":"Medication/m1"},"subject":{"reference":"Patient/p1"},"authoredOn":"2023-06-01T08:00:00Z"}
        """;

    public const string MedicationAdministration = """
        {"resourceType":"MedicationAdministration","id":"ma1","status":"completed","medicationCodeableConcept":{"text":"doxorubicin"},
         "subject":{"reference":"Patient/p1"},"effectivePeriod":{"start":"2024-01-05T08:00:00Z"}}
        """;

    public const string ServiceRequest = """
        {"resourceType":"ServiceRequest","id":"sr1","status":"draft","intent":"proposal","code":{"text":"TACE"},
         "subject":{"reference":"Patient/p1"},"authoredOn":"2024-04-01"}
        """;

    public const string OperationOutcome = """
        {"resourceType":"OperationOutcome","id":"oo","issue":[{"severity":"warning","code":"invalid","details":{"text":"x"},
         "diagnostics":"JSON103","expression":["Observation.status"]}]}
        """;

    public const string Encounter = """{"resourceType":"Encounter","id":"e1","status":"finished","class":{"code":"AMB"}}""";

    public static IEnumerable<string> AllResources =>
    [
        Patient, Observation, Procedure, ImagingStudy, BodyStructure, Condition, MedicationStatement, MedicationRequest,
        MedicationAdministration, ServiceRequest, OperationOutcome, Encounter,
    ];

    public static string BundleOfAll(string type) =>
        $$"""{"resourceType":"Bundle","id":"b","type":"{{type}}","timestamp":"2024-01-01T00:00:00Z","total":{{AllResources.Count()}},"link":[{"relation":"self","url":"http://s/b"}],"entry":[""" +
        string.Join(",", AllResources.Select((r, i) =>
            $$$"""{"fullUrl":"urn:uuid:{{{i}}}","resource":{{{r}}},"search":{"mode":"match"},"request":{"method":"PUT","url":"X/{{{i}}}"},"response":{"status":"200"}}""")) +
        "]}";
}
