using System.Text.Json.Nodes;
using static TaceCds.SampleGenerator.Fhir.FhirJson;

namespace TaceCds.SampleGenerator.Fhir;

public sealed partial class PatientRecord
{
    /// <summary>
    /// An imaging exam. <paramref name="contrastEnhanced"/> null leaves the extension out (the contract reads
    /// that as contrast-enhanced). The id is the patient id plus the exam date, so one exam per day.
    /// </summary>
    public Exam Exam(DateOnly date, Coding[] modalities, string description, bool? contrastEnhanced = null)
    {
        var id = $"{Id}-img-{Compact(date)}";
        var study = new JsonObject
        {
            ["resourceType"] = "ImagingStudy",
            ["id"] = id,
        };
        if (contrastEnhanced is bool contrast)
        {
            study["extension"] = Single(BooleanExtension(Terminology.ContrastEnhancedExtension, contrast));
        }
        study["status"] = "available";
        var modalityArray = new JsonArray();
        foreach (var modality in modalities)
        {
            modalityArray.Add(CodingJson(modality));
        }
        study["modality"] = modalityArray;
        study["subject"] = PatientReference;
        study["started"] = DateTime(date, ClinicalTimes.Imaging);
        study["description"] = description;
        Add(study);
        return new Exam(id, date);
    }

    public Exam Ct(DateOnly date, string description = "Multiphase contrast-enhanced CT of the liver") =>
        Exam(date, [Terminology.Ct], description);

    public Exam Mr(DateOnly date, string description = "Dynamic contrast-enhanced MRI of the liver") =>
        Exam(date, [Terminology.Mr], description);

    /// <summary>A lesion. <paramref name="site"/> defaults to SNOMED CT 10200004 liver structure (intrahepatic).</summary>
    public Lesion Lesion(string key, string description, Coding? site = null)
    {
        var id = $"{Id}-lesion-{key}";
        Add(new JsonObject
        {
            ["resourceType"] = "BodyStructure",
            ["id"] = id,
            ["identifier"] = Single(new JsonObject
            {
                ["system"] = Terminology.LesionIdentifierSystem,
                ["value"] = $"{Id}-{key.ToUpperInvariant()}",
            }),
            ["active"] = true,
            ["description"] = description,
            ["location"] = Concept(site ?? Terminology.LiverStructure),
            ["patient"] = PatientReference,
        });
        return new Lesion(id, key);
    }

    /// <summary>
    /// mRECIST measurements of one lesion on one exam, given in mm; <paramref name="unit"/> "cm" writes them in cm.
    /// A null diameter is not reported.
    /// </summary>
    public void Measure(Exam exam, Lesion lesion, decimal? viableMm, decimal? lesionMm, string unit = "mm")
    {
        if (viableMm is decimal viable)
        {
            LesionQuantity(exam, lesion, "viable-diameter", "Viable tumor longest diameter (mRECIST)", ToUnit(viable, unit), unit);
        }
        if (lesionMm is decimal whole)
        {
            LesionQuantity(exam, lesion, "lesion-diameter", "Lesion longest diameter", ToUnit(whole, unit), unit);
        }
    }

    private static decimal ToUnit(decimal mm, string unit) => unit switch
    {
        "mm" => mm,
        "cm" => mm / 10m,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "diameters are written in mm or cm"),
    };

    /// <summary>A per-lesion Quantity (diameters and imaging parameters such as dect-nic-ap, pct-ps, ivim-adc).</summary>
    public JsonObject LesionQuantity(Exam exam, Lesion lesion, string code, string display, decimal value, string ucum,
        string? unitText = null) =>
        Observation($"{exam.Id}-{lesion.Key}-{code}", Terminology.Project(code, display), Category.Imaging,
            DateTime(exam.Date, ClinicalTimes.Imaging), "valueQuantity", Quantity(value, ucum, unitText), lesion, exam);

    /// <summary>tacecds#tumor-capsule: complete, incomplete or absent.</summary>
    public JsonObject TumorCapsule(Exam exam, Lesion lesion, string status) =>
        Observation($"{exam.Id}-{lesion.Key}-tumor-capsule", Terminology.Project("tumor-capsule", "Tumor capsule"),
            Category.Imaging, DateTime(exam.Date, ClinicalTimes.Imaging), "valueCodeableConcept",
            Concept(Terminology.Project(status, status switch
            {
                "complete" => "Complete capsule",
                "incomplete" => "Incomplete capsule",
                "absent" => "No capsule",
                _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown capsule status"),
            })), lesion, exam);

    /// <summary>A per-exam Quantity with no focus (ct-dlp, ct-ctdivol).</summary>
    public JsonObject ExamQuantity(Exam exam, string code, string display, decimal value, string ucum) =>
        Observation($"{exam.Id}-{code}", Terminology.Project(code, display), Category.Imaging,
            DateTime(exam.Date, ClinicalTimes.Imaging), "valueQuantity", Quantity(value, ucum), derivedFrom: exam);

    /// <summary>The radiologist's per-exam findings; each non-null field becomes one Observation.</summary>
    public void Findings(Exam exam, ExamFindings findings)
    {
        var effective = DateTime(exam.Date, ClinicalTimes.Imaging);
        JsonObject Finding(string code, string display, string valueName, JsonNode value) =>
            Observation($"{exam.Id}-{code}", Terminology.Project(code, display), Category.Imaging, effective, valueName, value,
                derivedFrom: exam);

        if (findings.TumorCount is int count)
            Finding("tumor-count", "Number of intrahepatic tumors", "valueInteger", count);
        if (findings.LargestTumorMm is decimal largest)
            Finding("largest-tumor-diameter", "Largest intrahepatic tumor diameter", "valueQuantity",
                Quantity(ToUnit(largest, findings.LargestUnit), findings.LargestUnit));
        if (findings.NewIntrahepaticLesion is bool newIntra)
            Finding("new-intrahepatic-lesion", "New intrahepatic lesion", "valueBoolean", newIntra);
        if (findings.NewExtrahepaticLesion is bool newExtra)
            Finding("new-extrahepatic-lesion", "New extrahepatic lesion", "valueBoolean", newExtra);
        if (findings.NontargetResponse is string nontarget)
            Finding("nontarget-response", "mRECIST non-target response", "valueCodeableConcept",
                Concept(Terminology.Project(nontarget, nontarget switch
                {
                    "CR" => "Complete response",
                    "IR-SD" => "Incomplete response / stable disease",
                    "PD" => "Progressive disease",
                    _ => throw new ArgumentOutOfRangeException(nameof(findings), nontarget, "unknown non-target response"),
                })));
        if (findings.VascularInvasion is bool vascular)
            Finding("vascular-invasion", "Macrovascular invasion", "valueBoolean", vascular);
        if (findings.ExtrahepaticSpread is bool spread)
            Finding("extrahepatic-spread", "Extrahepatic spread", "valueBoolean", spread);
        if (findings.MrecistResponse is string response)
            Finding("mrecist-response", "mRECIST overall response (reported)", "valueCodeableConcept",
                Concept(Terminology.Project(response, response switch
                {
                    "CR" => "Complete response",
                    "PR" => "Partial response",
                    "SD" => "Stable disease",
                    "PD" => "Progressive disease",
                    _ => throw new ArgumentOutOfRangeException(nameof(findings), response, "unknown mRECIST response"),
                })));
    }
}
