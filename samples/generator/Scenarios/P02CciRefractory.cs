using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p02 — CCI refractory: 3 consecutive standardized TACE (the 2nd coded with SNOMED CT), baseline sum 80 mm,
/// MR 1 month 19 days after the 3rd session with sum 100 mm = 125 % of baseline; then atezolizumab + bevacizumab.</summary>
public static class P02CciRefractory
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p02", seed: 202);
        r.Patient("Wang", "Jun", "male", D(1958, 9, 3));
        r.Hcc(D(2024, 1, 25));

        var a = r.Lesion("a", "Segment VII hypervascular tumor");
        var b = r.Lesion("b", "Segment IV hypervascular tumor");

        var baseline = r.Ct(D(2024, 2, 5));
        r.Measure(baseline, a, 50, 52);
        r.Measure(baseline, b, 30, 31);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 52, VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 2, 12), Compensated with { AfpNgMl = 420m });
        r.Tace(1, D(2024, 2, 12), standardized: true);

        var e1 = r.Ct(D(2024, 3, 25));
        r.Measure(e1, a, 48, 52);
        r.Measure(e1, b, 30, 32);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 52, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 460m });

        PreSession(r, D(2024, 4, 8), Compensated with { AfpNgMl = 480m });
        r.Tace(2, D(2024, 4, 8), standardized: true, snomedCode: true);

        var e2 = r.Ct(D(2024, 5, 20));
        r.Measure(e2, a, 55, 58);
        r.Measure(e2, b, 34, 35);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 58, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 510m });

        PreSession(r, D(2024, 6, 3), Compensated with { AfpNgMl = 560m });
        r.Tace(3, D(2024, 6, 3), standardized: true);

        var e3 = r.Mr(D(2024, 7, 22));
        r.Measure(e3, a, 62, 66);
        r.Measure(e3, b, 38, 40);
        r.Findings(e3, new()
        {
            TumorCount = 2, LargestTumorMm = 66, NewIntrahepaticLesion = false, VascularInvasion = false,
            ExtrahepaticSpread = false, MrecistResponse = "PD",
        });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 700m });
        r.BedsideAssessment(e3.Date, ecog: 0);

        r.Medication(Terminology.Atezolizumab, D(2024, 8, 12));
        r.Medication(Terminology.Bevacizumab, D(2024, 8, 12));
        return r;
    }
}
