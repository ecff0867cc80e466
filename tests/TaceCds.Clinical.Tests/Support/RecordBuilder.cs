using System.Globalization;
using TaceCds.Clinical.Course;
using TaceCds.Clinical.Facts;
using TaceCds.Fhir.Model;
using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Tests.Support;

/// <summary>
/// Builds a patient's FHIR record in code so that a test reads like the clinical story it checks:
/// <c>Record.For("p1").Ct("2024-01-02", ("l1", 40)).Tace("2024-01-10")…</c>.
/// </summary>
public sealed class RecordBuilder
{
    private readonly List<Resource> _resources = [];
    private readonly Patient _patient;
    private int _next;

    private RecordBuilder(string patientId)
    {
        _patient = new Patient { Id = patientId, Gender = "male", BirthDate = FhirDateTime.Parse("1960-05-01") };
        _resources.Add(_patient);
    }

    public static RecordBuilder For(string patientId = "p1") => new(patientId);

    public string PatientRef => $"Patient/{_patient.Id}";

    private string NextId(string prefix) => $"{prefix}{++_next}";

    private static FhirDateTimeValue When(string date) => new(FhirDateTime.Parse(date));

    public static CodeableConcept Code(string system, string code) => new() { Coding = [new Coding { System = system, Code = code }] };

    public static CodeableConcept Own(string code) => Code(CodeSystems.TaceCds, code);

    public RecordBuilder Add(Resource resource)
    {
        _resources.Add(resource);
        return this;
    }

    public RecordBuilder Lesion(string id, bool intrahepatic = true) =>
        Add(new BodyStructure
        {
            Id = id, Patient = new Reference { ReferenceValue = PatientRef },
            Location = intrahepatic ? Code(CodeSystems.SnomedCt, "10200004") : Code(CodeSystems.SnomedCt, "39607008"),
        });

    public RecordBuilder Therapy(string code, string date, string status = "completed", bool? standardized = true, string? id = null)
    {
        var extensions = standardized is { } s && code == "tace"
            ? new List<Extension> { new() { Url = ExtensionUrls.TaceStandardized, Value = new FhirBoolean(s) } }
            : [];
        return Add(new Procedure
        {
            Id = id ?? NextId("proc"), Status = status, Code = Own(code), Subject = new Reference { ReferenceValue = PatientRef },
            Performed = When(date), Extensions = extensions,
        });
    }

    public RecordBuilder Tace(string date, bool? standardized = true, string status = "completed") => Therapy("tace", date, status, standardized);

    /// <summary>An exam with the viable diameter (mm) of each lesion; lesions are created on first use (intrahepatic).</summary>
    public RecordBuilder Exam(string date, string modality, params (string Lesion, decimal Mm)[] viable) =>
        ExamWith(date, modality, contrast: null, viable);

    public RecordBuilder Ct(string date, params (string Lesion, decimal Mm)[] viable) => Exam(date, "CT", viable);

    public RecordBuilder Mr(string date, params (string Lesion, decimal Mm)[] viable) => Exam(date, "MR", viable);

    public RecordBuilder ExamWith(string date, string modality, bool? contrast, params (string Lesion, decimal Mm)[] viable)
    {
        var studyId = $"study-{date}-{modality}";
        var extensions = contrast is { } c ? new List<Extension> { new() { Url = ExtensionUrls.ContrastEnhanced, Value = new FhirBoolean(c) } } : [];
        Add(new ImagingStudy
        {
            Id = studyId, Status = "available", Subject = new Reference { ReferenceValue = PatientRef },
            Started = FhirDateTime.Parse(date), Modality = [new Coding { System = CodeSystems.Dicom, Code = modality }], Extensions = extensions,
        });
        return Viable(date, studyId, viable);
    }

    /// <summary>A hybrid PET/CT or PET/MR exam (modalities PT plus <paramref name="anatomic"/>); study id <c>study-{date}-PT{anatomic}</c>.</summary>
    public RecordBuilder Hybrid(string date, string anatomic, bool? contrast, params (string Lesion, decimal Mm)[] viable)
    {
        var studyId = $"study-{date}-PT{anatomic}";
        var extensions = contrast is { } c ? new List<Extension> { new() { Url = ExtensionUrls.ContrastEnhanced, Value = new FhirBoolean(c) } } : [];
        Add(new ImagingStudy
        {
            Id = studyId, Status = "available", Subject = new Reference { ReferenceValue = PatientRef }, Started = FhirDateTime.Parse(date),
            Modality = [new Coding { System = CodeSystems.Dicom, Code = "PT" }, new Coding { System = CodeSystems.Dicom, Code = anatomic }], Extensions = extensions,
        });
        return Viable(date, studyId, viable);
    }

    /// <summary>Viable diameters recorded with no ImagingStudy at all (derivedFrom absent): the exam is unknown.</summary>
    public RecordBuilder WithoutStudy(string date, params (string Lesion, decimal Mm)[] viable) => Viable(date, study: null, viable);

    private RecordBuilder Viable(string date, string? study, (string Lesion, decimal Mm)[] viable)
    {
        foreach (var (lesion, mm) in viable)
        {
            if (!_resources.OfType<BodyStructure>().Any(b => b.Id == lesion)) Lesion(lesion);
            Add(Measurement("viable-diameter", date, new Quantity { Value = mm, Unit = "mm", System = CodeSystems.Ucum, Code = "mm" }, lesion, study));
        }
        return this;
    }

    /// <summary>A per-exam finding (boolean or code) on the exam of that date and modality.</summary>
    public RecordBuilder Finding(string date, string modality, string code, Element value) =>
        Add(Measurement(code, date, value, lesion: null, $"study-{date}-{modality}"));

    public Observation Measurement(string code, string date, Element value, string? lesion, string? study) => new()
    {
        Id = NextId("obs"), Status = "final", Code = Own(code), Subject = new Reference { ReferenceValue = PatientRef },
        Effective = When(date), Value = value,
        Focus = lesion is null ? [] : [new Reference { ReferenceValue = $"BodyStructure/{lesion}" }],
        DerivedFrom = study is null ? [] : [new Reference { ReferenceValue = $"ImagingStudy/{study}" }],
    };

    public RecordBuilder Lab(string loinc, string date, decimal value, string unit, string status = "final", string? id = null) =>
        Add(new Observation
        {
            Id = id ?? NextId("lab"), Status = status, Code = Code(CodeSystems.Loinc, loinc), Subject = new Reference { ReferenceValue = PatientRef },
            Effective = When(date), Value = new Quantity { Value = value, Unit = unit, System = CodeSystems.Ucum, Code = unit },
        });

    public RecordBuilder Coded(string ownCode, string date, string system, string value) =>
        Add(new Observation
        {
            Id = NextId("obs"), Status = "final", Code = Own(ownCode), Subject = new Reference { ReferenceValue = PatientRef },
            Effective = When(date), Value = Code(system, value),
        });

    public RecordBuilder Integer(string system, string code, string date, int value) =>
        Add(new Observation
        {
            Id = NextId("obs"), Status = "final", Code = Code(system, code), Subject = new Reference { ReferenceValue = PatientRef },
            Effective = When(date), Value = new FhirInteger(value),
        });

    public Patient Patient => _patient;
    public IReadOnlyList<Resource> Resources => _resources;

    public ClinicalFacts Facts(string asOf, ExtractionOptions? options = null) =>
        FactExtractor.Extract(_patient, _resources.Select(r => new RecordEntry(r)), DateOnly.Parse(asOf, CultureInfo.InvariantCulture), options);

    public TaceCourse Course(string asOf, CourseOptions? options = null) => TaceCourseBuilder.Build(Facts(asOf), options: options);

    /// <summary>The course and the data issues met while building it.</summary>
    public (TaceCourse Course, List<DataIssue> Issues) CourseWithIssues(string asOf, CourseOptions? options = null)
    {
        var facts = Facts(asOf);
        var issues = new List<DataIssue>(facts.DataIssues);
        return (TaceCourseBuilder.Build(facts, issues, options), issues);
    }
}
