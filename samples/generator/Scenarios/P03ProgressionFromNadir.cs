using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p03 — PD vs nadir only: sum 80 → 50 → 46 (PR, nadir) → 58 after the 3rd TACE: 126 % of the nadir (PD)
/// but 72.5 % of baseline, so CCI is not met.</summary>
public static class P03ProgressionFromNadir
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p03", seed: 303);
        r.Patient("Li", "Na", "female", D(1965, 2, 27));
        r.Hcc(D(2024, 2, 20), snomed: false);

        var a = r.Lesion("a", "Segment V/VIII tumor");
        var b = r.Lesion("b", "Segment II tumor");

        var baseline = r.Ct(D(2024, 3, 4));
        r.Measure(baseline, a, 45, 46);
        r.Measure(baseline, b, 35, 36);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 46, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 3, 11), Compensated with { AfpNgMl = 150m });
        r.Tace(1, D(2024, 3, 11), standardized: true);

        var e1 = r.Ct(D(2024, 4, 22));
        r.Measure(e1, a, 30, 44);
        r.Measure(e1, b, 20, 34);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 44, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 80m });

        PreSession(r, D(2024, 5, 6), Compensated with { AfpNgMl = 70m });
        r.Tace(2, D(2024, 5, 6), standardized: true);

        var e2 = r.Ct(D(2024, 6, 17));
        r.Measure(e2, a, 28, 43);
        r.Measure(e2, b, 18, 33);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 43, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 62m });

        PreSession(r, D(2024, 7, 1), Compensated with { AfpNgMl = 66m });
        r.Tace(3, D(2024, 7, 1), standardized: true);

        var e3 = r.Mr(D(2024, 8, 19));
        r.Measure(e3, a, 34, 44);
        r.Measure(e3, b, 24, 34);
        r.Findings(e3, new() { TumorCount = 2, LargestTumorMm = 44, NewIntrahepaticLesion = false, MrecistResponse = "PD" });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 110m });
        r.BedsideAssessment(e3.Date, ecog: 0);
        return r;
    }
}
