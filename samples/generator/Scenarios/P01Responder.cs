using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p01 — responder: 3 standardized TACE, two liver targets 40 + 25 mm shrink to PR then CR; stable liver function.
/// Also carries the one ultrasound exam (no contrast, no measurements).</summary>
public static class P01Responder
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p01", seed: 101);
        r.Patient("Chen", "Wei", "male", D(1961, 4, 12));
        r.Hcc(D(2023, 12, 20));

        var a = r.Lesion("a", "Segment VIII arterially enhancing nodule");
        var b = r.Lesion("b", "Segment VI arterially enhancing nodule");

        var baseline = r.Ct(D(2024, 1, 8));
        r.Measure(baseline, a, 40, 40);
        r.Measure(baseline, b, 25, 25);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 40, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 1, 15), Compensated with { AfpNgMl = 240m });
        r.Tace(1, D(2024, 1, 15), standardized: true);

        var e1 = r.Ct(D(2024, 2, 20));
        r.Measure(e1, a, 24, 38);
        r.Measure(e1, b, 14, 24);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 38, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 120m });

        PreSession(r, D(2024, 3, 4), Compensated with { AfpNgMl = 95m });
        r.Tace(2, D(2024, 3, 4), standardized: true);

        var e2 = r.Mr(D(2024, 4, 15));
        r.Measure(e2, a, 10, 35);
        r.Measure(e2, b, 0, 22);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 35, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 60m });

        PreSession(r, D(2024, 5, 6), Compensated with { AfpNgMl = 48m });
        r.Tace(3, D(2024, 5, 6), standardized: true);

        var e3 = r.Ct(D(2024, 6, 17));
        r.Measure(e3, a, 0, 32);
        r.Measure(e3, b, 0, 20);
        r.Findings(e3, new() { TumorCount = 2, LargestTumorMm = 32, NewIntrahepaticLesion = false, MrecistResponse = "CR" });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 22m });

        var e4 = r.Mr(D(2024, 9, 16));
        r.Measure(e4, a, 0, 30);
        r.Measure(e4, b, 0, 19);
        r.Findings(e4, new() { TumorCount = 2, LargestTumorMm = 30, NewIntrahepaticLesion = false, MrecistResponse = "CR" });
        r.Labs(e4.Date, Compensated with { AfpNgMl = 9m });

        // Surveillance ultrasound: no contrast, no measurement; only "no new lesion".
        var us = r.Exam(D(2024, 11, 5), [Terminology.Us], "Liver ultrasound (surveillance)", contrastEnhanced: false);
        r.Findings(us, new() { NewIntrahepaticLesion = false });
        r.Labs(us.Date, Compensated with { AfpNgMl = 7m });

        var e5 = r.Ct(D(2025, 3, 10));
        r.Measure(e5, a, 0, 28);
        r.Measure(e5, b, 0, 18);
        r.Findings(e5, new() { TumorCount = 2, LargestTumorMm = 28, NewIntrahepaticLesion = false, MrecistResponse = "CR" });
        r.Labs(e5.Date, Compensated with { AfpNgMl = 6m });
        r.BedsideAssessment(e5.Date, ecog: 0);
        return r;
    }
}
