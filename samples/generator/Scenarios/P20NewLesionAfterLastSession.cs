using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p20 — a partial responder whose first exam after the 3rd TACE shows a new 18 mm intrahepatic lesion C, and
/// a second contrast exam in the same 1-3 month window. C is overall mRECIST PD (restage) but, first seen after the 3rd
/// session, it is not in the CCI target set: the last window exam (A+B 45 = 64.3 % of 70) is used and CCI is not met.</summary>
public static class P20NewLesionAfterLastSession
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p20", seed: 2020);
        r.Patient("Lin", "Mei", "female", D(1966, 6, 2));
        r.Hcc(D(2023, 12, 28));

        var a = r.Lesion("a", "Segment VI tumor");
        var b = r.Lesion("b", "Segment IVa tumor");

        var baseline = r.Ct(D(2024, 1, 8));
        r.Measure(baseline, a, 40, 42);
        r.Measure(baseline, b, 30, 31);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 42, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 1, 15), Compensated with { AfpNgMl = 150m });
        r.Tace(1, D(2024, 1, 15), standardized: true);

        var e1 = r.Ct(D(2024, 2, 26));
        r.Measure(e1, a, 30, 40);
        r.Measure(e1, b, 22, 30);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 40, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 90m });

        PreSession(r, D(2024, 3, 11), Compensated with { AfpNgMl = 80m });
        r.Tace(2, D(2024, 3, 11), standardized: true);

        var e2 = r.Ct(D(2024, 4, 22));
        r.Measure(e2, a, 24, 38);
        r.Measure(e2, b, 18, 29);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 38, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 60m });

        PreSession(r, D(2024, 5, 6), Compensated with { AfpNgMl = 58m });
        r.Tace(3, D(2024, 5, 6), standardized: true);

        var e3 = r.Ct(D(2024, 6, 10));
        var c = r.Lesion("c", "New segment III nodule: arterial hyperenhancement with washout");
        r.Measure(e3, a, 24, 37);
        r.Measure(e3, b, 18, 28);
        r.Measure(e3, c, 18, 18);
        r.Findings(e3, new() { TumorCount = 3, LargestTumorMm = 37, NewIntrahepaticLesion = true, MrecistResponse = "PD" });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 95m });

        var e4 = r.Mr(D(2024, 7, 15));
        r.Measure(e4, a, 26, 37);
        r.Measure(e4, b, 19, 28);
        r.Measure(e4, c, 25, 25);
        r.Findings(e4, new()
        {
            TumorCount = 3, LargestTumorMm = 37, VascularInvasion = false, ExtrahepaticSpread = false, MrecistResponse = "PD",
        });
        r.Labs(e4.Date, Compensated with { AfpNgMl = 130m });
        r.BedsideAssessment(e4.Date, ecog: 0);
        return r;
    }
}
