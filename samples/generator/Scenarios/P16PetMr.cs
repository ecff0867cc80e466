using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>
/// p16 — PET/MR (seed 003): an ordinary 2-session course whose third exam is a PET/MR (modalities PT and MR) that
/// shows the liver target still responding and a suspected 9 mm lung nodule (extrahepatic BodyStructure, SNOMED CT
/// 39607008 lung structure) reported as a new extrahepatic lesion.
/// </summary>
public static class P16PetMr
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p16", seed: 1616);
        r.Patient("Feng", "Xia", "female", D(1969, 12, 12));
        r.Hcc(D(2024, 6, 18));

        var a = r.Lesion("a", "Segment II tumor");

        var baseline = r.Ct(D(2024, 7, 1));
        r.Measure(baseline, a, 38, 40);
        r.Findings(baseline, new() { TumorCount = 1, LargestTumorMm = 40, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 7, 8), Compensated with { AfpNgMl = 56m });
        r.Tace(1, D(2024, 7, 8), standardized: null);

        var e1 = r.Ct(D(2024, 8, 19));
        r.Measure(e1, a, 22, 37);
        r.Findings(e1, new() { TumorCount = 1, LargestTumorMm = 37, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 24m });

        PreSession(r, D(2024, 9, 2), Compensated with { AfpNgMl = 20m });
        r.Tace(2, D(2024, 9, 2), standardized: null);

        var petMr = r.Exam(D(2024, 10, 14), [Terminology.Pt, Terminology.Mr], "18F-FDG PET/MR, whole body with liver protocol");
        r.Measure(petMr, a, 18, 35);
        var lung = r.Lesion("lung", "Right lower lobe nodule, mild FDG uptake: suspected metastasis", Terminology.LungStructure);
        r.Measure(petMr, lung, null, 9);
        var suspicion = r.Observation($"{petMr.Id}-new-extrahepatic-lesion", Terminology.Project("new-extrahepatic-lesion", "New extrahepatic lesion"),
            PatientRecord.Category.Imaging, FhirJson.DateTime(petMr.Date, ClinicalTimes.Imaging), "valueBoolean", true, derivedFrom: petMr);
        PatientRecord.WithNote(suspicion, "Suspected, not proven: 9 mm right lower lobe nodule with mild FDG uptake; chest CT advised.");
        r.Findings(petMr, new() { TumorCount = 1, LargestTumorMm = 35, NewIntrahepaticLesion = false });
        r.Labs(petMr.Date, Compensated with { AfpNgMl = 19m });
        r.BedsideAssessment(petMr.Date, ecog: 0);
        return r;
    }
}
