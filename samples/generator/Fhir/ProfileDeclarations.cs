using System.Text.Json.Nodes;

namespace TaceCds.SampleGenerator.Fhir;

/// <summary>
/// Declares, in <c>meta.profile</c>, the project profile (fhir-profiles/, canonical https://tacecds.org/fhir) a
/// sample resource conforms to, chosen by resource type and code as the profiles bind them: TACE Procedures →
/// tace-procedure, ImagingStudy → imaging-exam, BodyStructure → lesion, viable diameters → viable-diameter, per-exam
/// findings (ValueSet exam-finding) → imaging-exam-finding, labs and reported clinical status (ValueSet
/// lab-observation) → lab-observation. Everything else (Patient, Condition, MedicationStatement, other therapies,
/// per-lesion diameters and capsule, imaging parameters) has no project profile and declares none.
/// tests/TaceCds.Validation.Tests validates every declaration with the Firely validator.
/// </summary>
public static class ProfileDeclarations
{
    private const string Base = "https://tacecds.org/fhir/StructureDefinition/";

    // ValueSet-exam-finding.json.
    private static readonly HashSet<string> ExamFindings = new(StringComparer.Ordinal)
    {
        "new-intrahepatic-lesion", "new-extrahepatic-lesion", "nontarget-response", "vascular-invasion", "extrahepatic-spread",
        "tumor-count", "largest-tumor-diameter", "mrecist-response", "viable-tumor-percent", "recicl-treatment-effect",
    };

    // ValueSet-lab-observation.json: its project codes; its LOINC codes are the lab and ECOG codes of Terminology.
    private static readonly HashSet<string> ReportedStatus = new(StringComparer.Ordinal)
    {
        "ascites", "hepatic-encephalopathy", "child-pugh-score", "pt-prolongation", "nlr", "cnlc-stage", "bclc-stage",
    };

    private static readonly HashSet<string> LabLoinc = new(StringComparer.Ordinal)
    {
        Terminology.BilirubinMass.Code, Terminology.BilirubinMoles.Code, Terminology.Albumin.Code, Terminology.Inr.Code,
        Terminology.Afp.Code, Terminology.Ast.Code, Terminology.Alt.Code, Terminology.Neutrophils.Code,
        Terminology.Lymphocytes.Code, Terminology.Platelets.Code, Terminology.Ecog.Code,
    };

    /// <summary>The profile id for a resource, or null when no project profile applies.</summary>
    public static string? ProfileFor(JsonObject resource)
    {
        var (system, code) = FirstCoding(resource);
        return (string?)resource["resourceType"] switch
        {
            "Procedure" when (system, code) is (Terminology.TaceCds, "tace") or (Terminology.Snomed, "441525007") => "tace-procedure",
            "ImagingStudy" => "imaging-exam",
            "BodyStructure" => "lesion",
            "Observation" when system == Terminology.TaceCds && code == "viable-diameter" => "viable-diameter",
            "Observation" when system == Terminology.TaceCds && ExamFindings.Contains(code!) => "imaging-exam-finding",
            "Observation" when system == Terminology.TaceCds && ReportedStatus.Contains(code!) => "lab-observation",
            "Observation" when system == Terminology.Loinc && LabLoinc.Contains(code!) => "lab-observation",
            _ => null,
        };
    }

    /// <summary>Adds <c>meta.profile</c> right after <c>id</c> when a profile applies and none is declared yet.</summary>
    public static void Declare(JsonObject resource)
    {
        if (resource.ContainsKey("meta") || ProfileFor(resource) is not { } profile) return;
        var meta = new JsonObject { ["profile"] = new JsonArray(Base + profile) };
        var at = resource.IndexOf("id");
        resource.Insert(at < 0 ? resource.Count : at + 1, "meta", meta);
    }

    private static (string? System, string? Code) FirstCoding(JsonObject resource)
    {
        var coding = resource["code"]?["coding"]?.AsArray().FirstOrDefault();
        return ((string?)coding?["system"], (string?)coding?["code"]);
    }
}
