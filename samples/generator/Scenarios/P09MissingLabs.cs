using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p09 — missing data: no INR and no ascites anywhere, no ECOG; a reported Child-Pugh score of 6 instead.
/// Also the one unenhanced CT (contrast-enhanced = false) with lesion diameter only.</summary>
public static class P09MissingLabs
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p09", seed: 909);
        r.Patient("Xu", "Jing", "female", D(1967, 10, 14));
        r.Hcc(D(2024, 3, 28));

        var a = r.Lesion("a", "Segment IV tumor");
        var labs = Compensated with { BilirubinUmolL = 17m, AlbuminGL = 36m, Inr = null, AfpNgMl = 18m };

        var baseline = r.Ct(D(2024, 4, 8));
        r.Measure(baseline, a, 33, 35);
        r.Findings(baseline, new() { TumorCount = 1, LargestTumorMm = 35, VascularInvasion = false, ExtrahepaticSpread = false });

        PreWorkUp(r, D(2024, 4, 14), labs);
        r.Tace(1, D(2024, 4, 15), standardized: true);

        var e1 = r.Ct(D(2024, 5, 27));
        r.Measure(e1, a, 20, 32);
        r.Findings(e1, new() { TumorCount = 1, LargestTumorMm = 32, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e1.Date, labs with { AfpNgMl = 11m });

        // Unenhanced CT to check lipiodol deposition: no arterial phase, so no viable diameter.
        var plain = r.Exam(D(2024, 6, 10), [Terminology.Ct], "Unenhanced CT (lipiodol deposition)", contrastEnhanced: false);
        r.Measure(plain, a, null, 32);

        PreWorkUp(r, D(2024, 7, 7), labs with { AfpNgMl = 10m });
        r.Tace(2, D(2024, 7, 8), standardized: true);

        var e2 = r.Mr(D(2024, 8, 19));
        r.Measure(e2, a, 12, 30);
        r.Findings(e2, new() { TumorCount = 1, LargestTumorMm = 30, NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e2.Date, labs with { AfpNgMl = 7m });
        return r;
    }

    /// <summary>The incomplete work-up this chart has: labs without INR, encephalopathy, and a reported score.</summary>
    private static void PreWorkUp(PatientRecord r, DateOnly date, LabPanel labs)
    {
        r.Labs(date, labs);
        r.Encephalopathy(date, "none");
        r.ReportedChildPugh(date, 6);
    }
}
