using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>
/// p18 — decompensated: one TACE in 2023 (Child-Pugh B 7 then), sorafenib for 3.5 months, and in May 2025
/// Child-Pugh C 13 from components while the clinician reported 12 (a disagreement to show); BCLC D, CNLC IV.
/// </summary>
public static class P18ChildPughC
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p18", seed: 1818);
        r.Patient("Ye", "Hong", "male", D(1950, 10, 30));
        r.Hcc(D(2023, 9, 15), icd10: true, snomed: false);

        var a = r.Lesion("a", "Segment V tumor");

        var baseline = r.Ct(D(2023, 10, 2));
        r.Measure(baseline, a, 55, 58);
        r.Findings(baseline, new() { TumorCount = 1, LargestTumorMm = 58, VascularInvasion = false, ExtrahepaticSpread = false });

        var before = Compensated with { BilirubinUmolL = 28m, AlbuminGL = 33m, Inr = 1.30m, AfpNgMl = 640m, Platelets = 92m };
        PreSession(r, D(2023, 10, 9), before, ecog: 1, ascites: "mild");
        r.Tace(1, D(2023, 10, 9), standardized: true);

        var e1 = r.Ct(D(2023, 11, 20));
        r.Measure(e1, a, 40, 56);
        r.Findings(e1, new() { TumorCount = 1, LargestTumorMm = 56, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e1.Date, before with { AfpNgMl = 420m });

        r.Medication(Terminology.Sorafenib, D(2023, 12, 1), D(2024, 3, 15));

        var now = D(2025, 5, 20);
        r.Labs(now, before with { BilirubinUmolL = 58m, AlbuminGL = 26m, Inr = 1.90m, AfpNgMl = 1500m, Platelets = 61m });
        r.BedsideAssessment(now, ecog: 2, ascites: "moderate-severe", encephalopathy: "grade-1-2");
        r.ReportedChildPugh(now, 12);
        r.ReportedBclc(now, "D");
        r.ReportedCnlc(now, "IV");
        return r;
    }
}
