using System.Text.Json.Nodes;
using static TaceCds.SampleGenerator.Fhir.FhirJson;

namespace TaceCds.SampleGenerator.Fhir;

public sealed partial class PatientRecord
{
    /// <summary>Observation categories (FHIR R4 observation-category code system).</summary>
    public static class Category
    {
        public const string Laboratory = "laboratory";
        public const string Imaging = "imaging";
        public const string Exam = "exam";
        public const string Survey = "survey";
    }

    /// <summary>
    /// Adds an Observation (status final, subject this patient). <paramref name="valueName"/> is the value[x]
    /// element name, e.g. valueQuantity.
    /// </summary>
    public JsonObject Observation(string id, Coding code, string category, string effective, string valueName,
        JsonNode value, Lesion? focus = null, Exam? derivedFrom = null)
    {
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = id,
            ["status"] = "final",
            ["category"] = Single(Concept(new Coding(Terminology.ObservationCategory, category, CategoryDisplay(category)))),
            ["code"] = Concept(code),
            ["subject"] = PatientReference,
        };
        if (focus is not null)
        {
            observation["focus"] = Single(Reference("BodyStructure", focus.Id));
        }
        observation["effectiveDateTime"] = effective;
        observation[valueName] = value;
        if (derivedFrom is not null)
        {
            observation["derivedFrom"] = Single(Reference("ImagingStudy", derivedFrom.Id));
        }
        return Add(observation);
    }

    private static string CategoryDisplay(string category) => category switch
    {
        Category.Laboratory => "Laboratory",
        Category.Imaging => "Imaging",
        Category.Exam => "Exam",
        Category.Survey => "Survey",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "unknown category"),
    };

    /// <summary>ECOG performance status (LOINC 89247-1), valueInteger 0–4.</summary>
    public JsonObject Ecog(DateOnly date, int grade) =>
        Observation($"{Id}-ecog-{Compact(date)}", Terminology.Ecog, Category.Survey,
            DateTime(date, ClinicalTimes.Clinic), "valueInteger", grade);

    /// <summary>tacecds#ascites: none, mild, moderate-severe.</summary>
    public JsonObject Ascites(DateOnly date, string grade) =>
        Observation($"{Id}-ascites-{Compact(date)}", Terminology.Project("ascites", "Ascites"), Category.Exam,
            DateTime(date, ClinicalTimes.Clinic), "valueCodeableConcept", Concept(Terminology.Project(grade, GradeDisplay(grade))));

    /// <summary>tacecds#hepatic-encephalopathy: none, grade-1-2, grade-3-4.</summary>
    public JsonObject Encephalopathy(DateOnly date, string grade) =>
        Observation($"{Id}-he-{Compact(date)}", Terminology.Project("hepatic-encephalopathy", "Hepatic encephalopathy"), Category.Exam,
            DateTime(date, ClinicalTimes.Clinic), "valueCodeableConcept", Concept(Terminology.Project(grade, GradeDisplay(grade))));

    /// <summary>The usual bedside assessment before a session: ECOG, ascites and encephalopathy.</summary>
    public void BedsideAssessment(DateOnly date, int ecog, string ascites = "none", string encephalopathy = "none")
    {
        Ecog(date, ecog);
        Ascites(date, ascites);
        Encephalopathy(date, encephalopathy);
    }

    private static string GradeDisplay(string grade) => grade switch
    {
        "none" => "None",
        "mild" => "Mild",
        "moderate-severe" => "Moderate to severe",
        "grade-1-2" => "Grade 1-2",
        "grade-3-4" => "Grade 3-4",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "unknown grade"),
    };

    /// <summary>A Child-Pugh score as reported by the clinician (tacecds#child-pugh-score, integer).</summary>
    public JsonObject ReportedChildPugh(DateOnly date, int score) =>
        Observation($"{Id}-child-pugh-{Compact(date)}", Terminology.Project("child-pugh-score", "Child-Pugh score"),
            Category.Exam, DateTime(date, ClinicalTimes.Clinic), "valueInteger", score);

    /// <summary>A reported CNLC stage (Ia … IV).</summary>
    public JsonObject ReportedCnlc(DateOnly date, string stage) =>
        Observation($"{Id}-cnlc-{Compact(date)}", Terminology.Project("cnlc-stage", "CNLC stage"), Category.Exam,
            DateTime(date, ClinicalTimes.Clinic), "valueCodeableConcept",
            Concept(new Coding(Terminology.CnlcStage, stage, "CNLC " + stage)));

    /// <summary>A reported BCLC stage (0, A, B, C, D).</summary>
    public JsonObject ReportedBclc(DateOnly date, string stage) =>
        Observation($"{Id}-bclc-{Compact(date)}", Terminology.Project("bclc-stage", "BCLC stage"), Category.Exam,
            DateTime(date, ClinicalTimes.Clinic), "valueCodeableConcept",
            Concept(new Coding(Terminology.BclcStage, stage, "BCLC " + stage)));

    /// <summary>Adds a note (annotation) to an observation already added.</summary>
    public static JsonObject WithNote(JsonObject observation, string text)
    {
        observation["note"] = Single(new JsonObject { ["text"] = text });
        return observation;
    }
}
