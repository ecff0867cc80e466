using System.Text.Json.Nodes;
using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>
/// p10 — statuses and noise: an entered-in-error measurement beside the final one, a preliminary ALT, a cancelled AFP,
/// a not-done TACE, an in-progress TACE, an Observation about another patient, an albumin in mmol/L (unknown unit),
/// and HTML/script text in Patient.name.text and in an Observation note.
/// </summary>
public static class P10StatusesAndNoise
{
    public const string HostileText = "<script>alert(1)</script> <b>html</b>";

    public static PatientRecord Build()
    {
        var r = new PatientRecord("p10", seed: 1010);
        r.Patient("Huang", "Mei", "female", D(1963, 5, 5), nameText: "Huang Mei <b>html</b> <script>alert(1)</script>");
        r.Hcc(D(2024, 12, 20));

        var a = r.Lesion("a", "Segment VIII tumor");

        var baseline = r.Ct(D(2025, 1, 6));
        r.Measure(baseline, a, 42, 44);
        r.Findings(baseline, new() { TumorCount = 1, LargestTumorMm = 44, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2025, 1, 13), Compensated with { AfpNgMl = 130m });
        r.Tace(1, D(2025, 1, 13), standardized: true);

        // Planned second session, not done (platelets too low that day).
        var notDone = r.Tace(2, D(2025, 2, 24), standardized: null, status: "not-done");
        notDone["statusReason"] = new JsonObject { ["text"] = "Postponed: platelet count too low" };

        var cancelledDay = D(2025, 3, 2);
        var labs = r.Labs(cancelledDay, Compensated with { AfpNgMl = 70m });
        labs["afp"]["status"] = "cancelled";
        r.BedsideAssessment(cancelledDay, ecog: 0);

        var e1 = r.Ct(D(2025, 3, 3));
        var viable = r.LesionQuantity(e1, a, "viable-diameter", "Viable tumor longest diameter (mRECIST)", 25m, "mm");
        PatientRecord.WithNote(viable, "Radiologist comment: " + HostileText);
        r.Measure(e1, a, null, 40);
        // A wrong value (52 mm, typed into the wrong lesion's field) later marked entered-in-error.
        var wrong = r.Observation($"{e1.Id}-a-viable-diameter-error", Terminology.Project("viable-diameter", "Viable tumor longest diameter (mRECIST)"),
            PatientRecord.Category.Imaging, FhirJson.DateTime(e1.Date, ClinicalTimes.Imaging), "valueQuantity", FhirJson.Quantity(52m, "mm"), a, e1);
        wrong["status"] = "entered-in-error";
        r.Findings(e1, new() { TumorCount = 1, LargestTumorMm = 40, NewIntrahepaticLesion = false, MrecistResponse = "PR" });

        r.Tace(3, D(2025, 3, 10), standardized: true);

        var e2 = r.Ct(D(2025, 4, 21));
        r.Measure(e2, a, 20, 38);
        r.Findings(e2, new() { TumorCount = 1, LargestTumorMm = 38, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        var followUp = r.Labs(e2.Date, Compensated with { AfpNgMl = 40m });
        followUp["alt"]["status"] = "preliminary";

        // Filed in this chart by mistake: it is about another patient and must be ignored (and counted).
        var foreign = r.Observation("p10-other-afp-20250421", Terminology.Afp, PatientRecord.Category.Laboratory,
            FhirJson.DateTime(e2.Date, ClinicalTimes.Labs), "valueQuantity", FhirJson.Quantity(9999m, "ng/mL"));
        foreign["subject"] = FhirJson.Reference("Patient", "other");

        var preSession = D(2025, 5, 27);
        var last = r.Labs(preSession, Compensated with { AfpNgMl = 38m });
        // Albumin in a unit the contract does not accept: an error for this Observation, never converted by guess.
        last["albumin"]["valueQuantity"] = FhirJson.Quantity(0.61m, "mmol/L");
        r.BedsideAssessment(preSession, ecog: 0);

        r.Tace(4, D(2025, 5, 28), standardized: true, status: "in-progress");
        return r;
    }
}
