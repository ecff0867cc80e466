using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p06 — no baseline: the diagnostic imaging was done elsewhere and is not in the record, so nothing
/// is dated on or before the first TACE. Three standardized sessions; exams only after the first.</summary>
public static class P06NoBaseline
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p06", seed: 606);
        r.Patient("Zhou", "Min", "female", D(1959, 3, 19));
        r.Hcc(D(2024, 1, 20));

        var a = r.Lesion("a", "Segment VII tumor");
        var b = r.Lesion("b", "Segment V tumor");

        PreSession(r, D(2024, 2, 5), Compensated with { AfpNgMl = 210m });
        r.Tace(1, D(2024, 2, 5), standardized: true);

        var e1 = r.Ct(D(2024, 3, 18));
        r.Measure(e1, a, 40, 45);
        r.Measure(e1, b, 22, 26);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 45, NewIntrahepaticLesion = false, VascularInvasion = false, ExtrahepaticSpread = false });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 190m });

        PreSession(r, D(2024, 4, 1), Compensated with { AfpNgMl = 200m });
        r.Tace(2, D(2024, 4, 1), standardized: true);

        var e2 = r.Ct(D(2024, 5, 13));
        r.Measure(e2, a, 44, 47);
        r.Measure(e2, b, 25, 27);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 47, NewIntrahepaticLesion = false });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 240m });

        PreSession(r, D(2024, 5, 27), Compensated with { AfpNgMl = 255m });
        r.Tace(3, D(2024, 5, 27), standardized: true);

        var e3 = r.Ct(D(2024, 7, 8));
        r.Measure(e3, a, 50, 52);
        r.Measure(e3, b, 30, 31);
        r.Findings(e3, new() { TumorCount = 2, LargestTumorMm = 52, NewIntrahepaticLesion = false, VascularInvasion = false, ExtrahepaticSpread = false });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 330m });
        r.BedsideAssessment(e3.Date, ecog: 0);
        return r;
    }
}
