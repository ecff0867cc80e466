using System.Text.Json.Nodes;
using static TaceCds.SampleGenerator.Fhir.FhirJson;

namespace TaceCds.SampleGenerator.Fhir;

/// <summary>
/// Builds one patient's FHIR R4 collection Bundle. Entries keep the order in which they were added, so a scenario
/// reads like the patient's chart. Every add returns the resource, so a scenario can alter status or subject.
/// </summary>
public sealed partial class PatientRecord
{
    private readonly JsonArray entries = new();
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly Random noise;

    /// <param name="id">Patient id, e.g. p01; prefixes every resource id.</param>
    /// <param name="seed">Fixed seed of the lab noise, so two runs write the same bytes.</param>
    public PatientRecord(string id, int seed, LabUnitStyle labUnits = LabUnitStyle.SI)
    {
        Id = id;
        noise = new Random(seed);
        LabUnits = labUnits;
    }

    public string Id { get; }

    public LabUnitStyle LabUnits { get; }

    /// <summary>
    /// Relative amplitude of the uniform lab noise (±2 %). Scenario values keep clear of every score cut-off by more
    /// than this, so the noise never changes a Child-Pugh band, an ALBI grade or a rise the README relies on.
    /// </summary>
    private const double LabNoise = 0.02;

    public JsonObject PatientReference => Reference("Patient", Id);

    public JsonObject ToBundle()
    {
        var entryCopies = entries.DeepClone().AsArray();
        foreach (var entry in entryCopies)
        {
            ProfileDeclarations.Declare(entry!["resource"]!.AsObject());
        }
        return new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["id"] = Id,
            ["type"] = "collection",
            ["entry"] = entryCopies,
        };
    }

    /// <summary>Adds a resource as a bundle entry; ids must be unique within the record.</summary>
    public JsonObject Add(JsonObject resource)
    {
        var type = (string)resource["resourceType"]!;
        var id = (string)resource["id"]!;
        if (!ids.Add(type + "/" + id))
        {
            throw new InvalidOperationException($"duplicate resource {type}/{id} in {Id}");
        }
        entries.Add(new JsonObject
        {
            ["fullUrl"] = $"{Terminology.FhirBase}/{type}/{id}",
            ["resource"] = resource,
        });
        return resource;
    }

    public JsonObject Patient(string family, string given, string gender, DateOnly birthDate, string? nameText = null)
    {
        var name = new JsonObject { ["use"] = "official" };
        if (nameText is not null)
        {
            name["text"] = nameText;
        }
        name["family"] = family;
        name["given"] = Single(given);
        return Add(new JsonObject
        {
            ["resourceType"] = "Patient",
            ["id"] = Id,
            ["name"] = Single(name),
            ["gender"] = gender,
            ["birthDate"] = Date(birthDate),
        });
    }

    /// <summary>The HCC diagnosis, coded with ICD-10 C22.0, SNOMED CT 109841003, or both.</summary>
    public JsonObject Hcc(DateOnly onset, bool icd10 = true, bool snomed = true)
    {
        var codings = new List<Coding>();
        if (icd10) codings.Add(Terminology.HccIcd10);
        if (snomed) codings.Add(Terminology.HccSnomed);
        return Add(new JsonObject
        {
            ["resourceType"] = "Condition",
            ["id"] = $"{Id}-hcc",
            ["clinicalStatus"] = Concept(new Coding(Terminology.ConditionClinical, "active", "Active")),
            ["verificationStatus"] = Concept(new Coding(Terminology.ConditionVerification, "confirmed", "Confirmed")),
            ["code"] = Concept([.. codings]),
            ["subject"] = PatientReference,
            ["onsetDateTime"] = Date(onset),
        });
    }

    /// <summary>A TACE session. <paramref name="standardized"/> null leaves the extension out (not documented).</summary>
    public JsonObject Tace(int number, DateOnly date, bool? standardized, bool snomedCode = false,
        string status = "completed", string? note = null)
    {
        var procedure = new JsonObject
        {
            ["resourceType"] = "Procedure",
            ["id"] = $"{Id}-tace-{number}",
        };
        if (standardized is bool value)
        {
            procedure["extension"] = Single(BooleanExtension(Terminology.TaceStandardizedExtension, value));
        }
        procedure["status"] = status;
        procedure["code"] = Concept(snomedCode ? Terminology.TaceSnomed : Terminology.TaceProject);
        procedure["subject"] = PatientReference;
        procedure["performedDateTime"] = DateTime(date, ClinicalTimes.Procedure);
        if (note is not null)
        {
            procedure["note"] = Single(new JsonObject { ["text"] = note });
        }
        return Add(procedure);
    }

    /// <summary>Another liver-directed therapy (ends a TACE course): ablation, resection, radiotherapy, haic, tare, seed-implantation.</summary>
    public JsonObject LiverTherapy(string code, string display, DateOnly date) => Add(new JsonObject
    {
        ["resourceType"] = "Procedure",
        ["id"] = $"{Id}-{code}-{Compact(date)}",
        ["status"] = "completed",
        ["code"] = Concept(Terminology.Project(code, display)),
        ["subject"] = PatientReference,
        ["performedDateTime"] = DateTime(date, ClinicalTimes.Procedure),
    });

    /// <summary>Systemic therapy; <paramref name="end"/> null = still taking it.</summary>
    public JsonObject Medication(Coding drug, DateOnly start, DateOnly? end = null)
    {
        var period = new JsonObject { ["start"] = Date(start) };
        if (end is DateOnly stop)
        {
            period["end"] = Date(stop);
        }
        return Add(new JsonObject
        {
            ["resourceType"] = "MedicationStatement",
            ["id"] = $"{Id}-med-{drug.Display}",
            ["status"] = end is null ? "active" : "completed",
            ["medicationCodeableConcept"] = Concept(drug),
            ["subject"] = PatientReference,
            ["effectivePeriod"] = period,
        });
    }
}
