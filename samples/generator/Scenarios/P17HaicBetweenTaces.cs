using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>
/// p17 — HAIC between TACEs: TACE (documented NOT standardized), TACE, HAIC, TACE. The current course is the one
/// session after HAIC, with the CT of 2024-06-17 (sum 75 mm) as its baseline.
/// </summary>
public static class P17HaicBetweenTaces
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p17", seed: 1717);
        r.Patient("Deng", "Bo", "male", D(1964, 2, 29));
        r.Hcc(D(2024, 1, 5));

        var a = r.Lesion("a", "Right lobe mass");
        var b = r.Lesion("b", "Segment IV tumor");

        var baseline = r.Ct(D(2024, 1, 15));
        r.Measure(baseline, a, 70, 72);
        r.Measure(baseline, b, 45, 46);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 72, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 1, 22), Compensated with { AfpNgMl = 2300m });
        r.Tace(1, D(2024, 1, 22), standardized: false, note: "Incomplete embolization: arterioportal shunt");

        var e1 = r.Ct(D(2024, 2, 26));
        r.Measure(e1, a, 60, 70);
        r.Measure(e1, b, 40, 45);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 70, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 1900m });

        PreSession(r, D(2024, 3, 18), Compensated with { AfpNgMl = 1800m });
        r.Tace(2, D(2024, 3, 18), standardized: true);

        var e2 = r.Ct(D(2024, 4, 22));
        r.Measure(e2, a, 58, 69);
        r.Measure(e2, b, 38, 44);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 69, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 1700m });

        PreSession(r, D(2024, 5, 6), Compensated with { AfpNgMl = 1650m });
        r.LiverTherapy("haic", "Hepatic arterial infusion chemotherapy", D(2024, 5, 6));

        var e3 = r.Ct(D(2024, 6, 17));
        r.Measure(e3, a, 45, 66);
        r.Measure(e3, b, 30, 42);
        r.Findings(e3, new() { TumorCount = 2, LargestTumorMm = 66, NewIntrahepaticLesion = false, VascularInvasion = false, ExtrahepaticSpread = false, MrecistResponse = "PR" });

        PreSession(r, D(2024, 7, 1), Compensated with { AfpNgMl = 900m });
        r.Tace(3, D(2024, 7, 1), standardized: true);

        var e4 = r.Ct(D(2024, 8, 12));
        r.Measure(e4, a, 40, 64);
        r.Measure(e4, b, 27, 41);
        r.Findings(e4, new() { TumorCount = 2, LargestTumorMm = 64, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e4.Date, Compensated with { AfpNgMl = 760m });
        return r;
    }
}
