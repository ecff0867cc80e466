using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>
/// p13 — JSH-LCSGJ refractoriness: after selective TACE the viable sum stays above 50 % of the pre-session sum twice in
/// a row (74/80, 72/74), AFP rises at every sample after the first session, and vascular invasion appears on the last
/// exam. CCI is not met (78 mm = 97.5 % of baseline).
/// </summary>
public static class P13JshRefractory
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p13", seed: 1313);
        r.Patient("Ma", "Qiang", "male", D(1957, 4, 2));
        r.Hcc(D(2024, 1, 30));

        var a = r.Lesion("a", "Segment VII tumor");
        var b = r.Lesion("b", "Segment VIII tumor");

        var baseline = r.Ct(D(2024, 2, 12));
        r.Measure(baseline, a, 50, 52);
        r.Measure(baseline, b, 30, 32);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 52, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 2, 19), Compensated with { AfpNgMl = 320m });
        r.Tace(1, D(2024, 2, 19), standardized: true, note: "Selective (segmental) conventional TACE, epirubicin-lipiodol");

        var e1 = r.Ct(D(2024, 3, 25));
        r.Measure(e1, a, 46, 50);
        r.Measure(e1, b, 28, 31);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 50, NewIntrahepaticLesion = false, VascularInvasion = false, MrecistResponse = "SD" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 380m });

        PreSession(r, D(2024, 4, 15), Compensated with { AfpNgMl = 455m });
        r.Tace(2, D(2024, 4, 15), standardized: true, note: "Selective TACE; drug changed to idarubicin, feeding arteries re-analysed on cone-beam CT");

        var e2 = r.Ct(D(2024, 5, 27));
        r.Measure(e2, a, 45, 50);
        r.Measure(e2, b, 27, 31);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 50, NewIntrahepaticLesion = false, VascularInvasion = false, MrecistResponse = "SD" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 540m });

        PreSession(r, D(2024, 6, 10), Compensated with { AfpNgMl = 610m });
        r.Tace(3, D(2024, 6, 10), standardized: true, note: "Selective TACE, idarubicin-lipiodol");

        var e3 = r.Mr(D(2024, 7, 22));
        r.Measure(e3, a, 48, 52);
        r.Measure(e3, b, 30, 32);
        r.Findings(e3, new() { TumorCount = 2, LargestTumorMm = 52, NewIntrahepaticLesion = false, VascularInvasion = true, ExtrahepaticSpread = false });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 780m });
        r.BedsideAssessment(e3.Date, ecog: 0);
        return r;
    }
}
