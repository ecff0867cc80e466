using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p07 — no assessment in the 1–3 month window: after the 3rd TACE (2024-04-24) the only exams are
/// 2 weeks later (2024-05-08) and 4 months later (2024-08-26, which alone would show ≥ 120 % of baseline).</summary>
public static class P07NoAssessmentInWindow
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p07", seed: 707);
        r.Patient("Wu", "Gang", "male", D(1955, 12, 1));
        r.Hcc(D(2023, 12, 29), icd10: false);

        var a = r.Lesion("a", "Segment VIII tumor");
        var b = r.Lesion("b", "Segment VI tumor");

        var baseline = r.Mr(D(2024, 1, 10));
        r.Measure(baseline, a, 40, 42);
        r.Measure(baseline, b, 30, 31);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 42, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 1, 17), Compensated with { AfpNgMl = 48m });
        r.Tace(1, D(2024, 1, 17), standardized: true);

        var e1 = r.Ct(D(2024, 2, 21));
        r.Measure(e1, a, 35, 40);
        r.Measure(e1, b, 26, 30);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 40, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 44m });

        PreSession(r, D(2024, 3, 6), Compensated with { AfpNgMl = 45m });
        r.Tace(2, D(2024, 3, 6), standardized: true);

        var e2 = r.Ct(D(2024, 4, 10));
        r.Measure(e2, a, 36, 41);
        r.Measure(e2, b, 27, 30);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 41, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 47m });

        PreSession(r, D(2024, 4, 24), Compensated with { AfpNgMl = 47m });
        r.Tace(3, D(2024, 4, 24), standardized: true);

        // Two weeks after the session: too early for the CCI assessment.
        var e3 = r.Ct(D(2024, 5, 8));
        r.Measure(e3, a, 38, 41);
        r.Measure(e3, b, 28, 30);
        r.Findings(e3, new() { TumorCount = 2, LargestTumorMm = 41, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 52m });

        // Four months after the session: too late for the CCI assessment.
        var e4 = r.Ct(D(2024, 8, 26));
        r.Measure(e4, a, 55, 57);
        r.Measure(e4, b, 38, 40);
        r.Findings(e4, new() { TumorCount = 2, LargestTumorMm = 57, NewIntrahepaticLesion = false, VascularInvasion = false, ExtrahepaticSpread = false, MrecistResponse = "PD" });
        r.Labs(e4.Date, Compensated with { AfpNgMl = 96m });
        r.BedsideAssessment(e4.Date, ecog: 0);
        return r;
    }
}
