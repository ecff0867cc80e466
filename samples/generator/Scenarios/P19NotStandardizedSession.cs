using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p19 — a 3-session course whose 2nd session is documented as not standardized (non-selective lobar
/// embolization). The MR after the 3rd session is 125 % of the 80 mm baseline, as in p02, but only one standardized
/// session follows the not-standardized one: CCI is not met for technique (clinical-reference.md §2), never met.</summary>
public static class P19NotStandardizedSession
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p19", seed: 1919);
        r.Patient("Xu", "Hong", "male", D(1962, 3, 17));
        r.Hcc(D(2024, 2, 20));

        var a = r.Lesion("a", "Segment VIII hypervascular tumor");
        var b = r.Lesion("b", "Segment V hypervascular tumor");

        var baseline = r.Ct(D(2024, 3, 4));
        r.Measure(baseline, a, 46, 48);
        r.Measure(baseline, b, 34, 35);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 48, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 3, 11), Compensated with { AfpNgMl = 210m });
        r.Tace(1, D(2024, 3, 11), standardized: true);

        var e1 = r.Ct(D(2024, 4, 22));
        r.Measure(e1, a, 44, 48);
        r.Measure(e1, b, 33, 35);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 48, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 230m });

        PreSession(r, D(2024, 5, 6), Compensated with { AfpNgMl = 240m });
        r.Tace(2, D(2024, 5, 6), standardized: false,
            note: "Non-selective lobar embolization: the segmental feeding artery could not be catheterized");

        var e2 = r.Ct(D(2024, 6, 17));
        r.Measure(e2, a, 50, 52);
        r.Measure(e2, b, 36, 37);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 52, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 290m });

        PreSession(r, D(2024, 7, 1), Compensated with { AfpNgMl = 310m });
        r.Tace(3, D(2024, 7, 1), standardized: true);

        var e3 = r.Mr(D(2024, 8, 19));
        r.Measure(e3, a, 58, 61);
        r.Measure(e3, b, 42, 44);
        r.Findings(e3, new()
        {
            TumorCount = 2, LargestTumorMm = 61, NewIntrahepaticLesion = false, VascularInvasion = false,
            ExtrahepaticSpread = false, MrecistResponse = "PD",
        });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 380m });
        r.BedsideAssessment(e3.Date, ecog: 0);
        return r;
    }
}
