using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p05 — TACE, TACE, ablation, TACE, TACE: the current course is the last 2 sessions, with the CT of
/// 2024-08-05 as its baseline (new lesion B 28 mm; ablated A has no viable tumor).</summary>
public static class P05CourseBrokenByAblation
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p05", seed: 505);
        r.Patient("Sun", "Li", "female", D(1962, 6, 30));
        r.Hcc(D(2023, 12, 28));

        var a = r.Lesion("a", "Segment VIII tumor");

        var baseline = r.Ct(D(2024, 1, 8));
        r.Measure(baseline, a, 48, 50);
        r.Findings(baseline, new() { TumorCount = 1, LargestTumorMm = 50, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 1, 15), Compensated with { AfpNgMl = 64m });
        r.Tace(1, D(2024, 1, 15), standardized: true);

        var e1 = r.Ct(D(2024, 2, 26));
        r.Measure(e1, a, 30, 46);
        r.Findings(e1, new() { TumorCount = 1, LargestTumorMm = 46, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 30m });

        PreSession(r, D(2024, 3, 11), Compensated with { AfpNgMl = 26m });
        r.Tace(2, D(2024, 3, 11), standardized: true);

        var e2 = r.Ct(D(2024, 4, 22));
        r.Measure(e2, a, 22, 44);
        r.Findings(e2, new() { TumorCount = 1, LargestTumorMm = 44, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 21m });

        // Microwave ablation of the residual tumor ends the first course.
        r.LiverTherapy("ablation", "Ablation", D(2024, 5, 13));

        var e3 = r.Ct(D(2024, 6, 24));
        r.Measure(e3, a, 0, 35);
        r.Findings(e3, new() { TumorCount = 1, LargestTumorMm = 35, NewIntrahepaticLesion = false, MrecistResponse = "CR" });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 8m });

        // Recurrence in another segment: the baseline of the second course.
        var e4 = r.Ct(D(2024, 8, 5));
        var b = r.Lesion("b", "Segment III recurrence");
        r.Measure(e4, a, 0, 33);
        r.Measure(e4, b, 28, 28);
        r.Findings(e4, new() { TumorCount = 2, LargestTumorMm = 33, NewIntrahepaticLesion = true, VascularInvasion = false, ExtrahepaticSpread = false, MrecistResponse = "PD" });

        PreSession(r, D(2024, 8, 19), Compensated with { AfpNgMl = 45m });
        r.Tace(3, D(2024, 8, 19), standardized: true);

        var e5 = r.Ct(D(2024, 9, 30));
        r.Measure(e5, a, 0, 32);
        r.Measure(e5, b, 20, 27);
        r.Findings(e5, new() { TumorCount = 2, LargestTumorMm = 32, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e5.Date, Compensated with { AfpNgMl = 30m });

        PreSession(r, D(2024, 10, 14), Compensated with { AfpNgMl = 28m });
        r.Tace(4, D(2024, 10, 14), standardized: true);

        var e6 = r.Ct(D(2024, 11, 25));
        r.Measure(e6, a, 0, 31);
        r.Measure(e6, b, 16, 26);
        r.Findings(e6, new() { TumorCount = 2, LargestTumorMm = 31, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e6.Date, Compensated with { AfpNgMl = 15m });
        r.BedsideAssessment(e6.Date, ecog: 0);
        return r;
    }
}
