using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p04 — a new intrahepatic lesion C (15 mm) appears on the exam after the 2nd TACE and grows to 38 mm after
/// the 3rd. With C entering at 0, the CCI intrahepatic sum is 68 mm = 124 % of the 55 mm baseline.</summary>
public static class P04NewLesion
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p04", seed: 404);
        r.Patient("Zhao", "Lei", "male", D(1970, 11, 8));
        r.Hcc(D(2024, 1, 10));

        var a = r.Lesion("a", "Segment VI tumor");
        var b = r.Lesion("b", "Segment III tumor");

        var baseline = r.Ct(D(2024, 1, 22));
        r.Measure(baseline, a, 35, 36);
        r.Measure(baseline, b, 20, 21);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 36, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 1, 29), Compensated with { AfpNgMl = 90m });
        r.Tace(1, D(2024, 1, 29), standardized: true);

        var e1 = r.Ct(D(2024, 3, 11));
        r.Measure(e1, a, 24, 34);
        r.Measure(e1, b, 14, 20);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 34, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 55m });

        PreSession(r, D(2024, 3, 25), Compensated with { AfpNgMl = 50m });
        r.Tace(2, D(2024, 3, 25), standardized: true);

        var e2 = r.Ct(D(2024, 5, 6));
        var c = r.Lesion("c", "New segment II nodule: arterial hyperenhancement with washout");
        r.Measure(e2, a, 22, 33);
        r.Measure(e2, b, 12, 19);
        r.Measure(e2, c, 15, 15);
        r.Findings(e2, new() { TumorCount = 3, LargestTumorMm = 33, NewIntrahepaticLesion = true, MrecistResponse = "PD" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 75m });

        PreSession(r, D(2024, 5, 20), Compensated with { AfpNgMl = 88m });
        r.Tace(3, D(2024, 5, 20), standardized: true);

        var e3 = r.Ct(D(2024, 7, 1));
        r.Measure(e3, a, 20, 32);
        r.Measure(e3, b, 10, 18);
        r.Measure(e3, c, 38, 38);
        r.Findings(e3, new() { TumorCount = 3, LargestTumorMm = 38, VascularInvasion = false, ExtrahepaticSpread = false, MrecistResponse = "PD" });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 160m });
        r.BedsideAssessment(e3.Date, ecog: 0);
        return r;
    }
}
