using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p21 — the last contrast CT before the first TACE is 41 days old, and the only newer exam is a PET/CT
/// without documented contrast. The MR after the 3rd session is 125 % of the old 80 mm sum, but there is no CCI baseline
/// (at most 28 days before the first TACE; clinical-reference.md §2): CCI is insufficient data, naming the CT's age.</summary>
public static class P21BaselineTooOld
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p21", seed: 2121);
        r.Patient("He", "Jian", "male", D(1955, 10, 30));
        r.Hcc(D(2023, 12, 20));

        var a = r.Lesion("a", "Segment VII tumor");
        var b = r.Lesion("b", "Segment II tumor");

        var oldCt = r.Ct(D(2024, 1, 2));
        r.Measure(oldCt, a, 45, 47);
        r.Measure(oldCt, b, 35, 36);
        r.Findings(oldCt, new() { TumorCount = 2, LargestTumorMm = 47, VascularInvasion = false, ExtrahepaticSpread = false });

        var petCt = r.Exam(D(2024, 2, 5), [Terminology.Pt, Terminology.Ct], "18F-FDG PET/CT, low-dose CT for attenuation correction");
        r.Measure(petCt, a, 50, 52);
        r.Measure(petCt, b, 38, 39);

        PreSession(r, D(2024, 2, 12), Compensated with { AfpNgMl = 320m });
        r.Tace(1, D(2024, 2, 12), standardized: true);

        var e1 = r.Ct(D(2024, 3, 25));
        r.Measure(e1, a, 44, 50);
        r.Measure(e1, b, 34, 38);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 50, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e1.Date, Compensated with { AfpNgMl = 340m });

        PreSession(r, D(2024, 4, 8), Compensated with { AfpNgMl = 360m });
        r.Tace(2, D(2024, 4, 8), standardized: true);

        var e2 = r.Ct(D(2024, 5, 20));
        r.Measure(e2, a, 50, 54);
        r.Measure(e2, b, 38, 40);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 54, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        r.Labs(e2.Date, Compensated with { AfpNgMl = 420m });

        PreSession(r, D(2024, 6, 3), Compensated with { AfpNgMl = 450m });
        r.Tace(3, D(2024, 6, 3), standardized: true);

        var e3 = r.Mr(D(2024, 7, 22));
        r.Measure(e3, a, 58, 60);
        r.Measure(e3, b, 42, 44);
        r.Findings(e3, new()
        {
            TumorCount = 2, LargestTumorMm = 60, NewIntrahepaticLesion = false, VascularInvasion = false,
            ExtrahepaticSpread = false, MrecistResponse = "PD",
        });
        r.Labs(e3.Date, Compensated with { AfpNgMl = 560m });
        r.BedsideAssessment(e3.Date, ecog: 0);
        return r;
    }
}
