using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>p08 — US units: bilirubin mg/dL (LOINC 1975-2), albumin g/dL, cell counts 10*3/uL, INR unit "1",
/// every diameter in cm. Single target 5.2 cm → 3.4 cm (PR). Standardization not documented on either session.</summary>
public static class P08UsUnits
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p08", seed: 808, LabUnitStyle.US);
        r.Patient("Miller", "John", "male", D(1956, 7, 21));
        r.Hcc(D(2024, 2, 1));

        var a = r.Lesion("a", "Right lobe tumor");
        var labs = Compensated with { BilirubinUmolL = 19m, AlbuminGL = 37m, AfpNgMl = 85m };

        var baseline = r.Ct(D(2024, 2, 14));
        r.Measure(baseline, a, 52, 55, "cm");
        r.Findings(baseline, new() { TumorCount = 1, LargestTumorMm = 55, LargestUnit = "cm", VascularInvasion = false, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 2, 21), labs);
        r.Tace(1, D(2024, 2, 21), standardized: null);

        var e1 = r.Ct(D(2024, 4, 3));
        r.Measure(e1, a, 34, 50, "cm");
        r.Findings(e1, new() { TumorCount = 1, LargestTumorMm = 50, LargestUnit = "cm", NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e1.Date, labs with { AfpNgMl = 40m });

        PreSession(r, D(2024, 4, 17), labs with { AfpNgMl = 36m });
        r.Tace(2, D(2024, 4, 17), standardized: null);

        var e2 = r.Mr(D(2024, 5, 29));
        r.Measure(e2, a, 31, 48, "cm");
        r.Findings(e2, new() { TumorCount = 1, LargestTumorMm = 48, LargestUnit = "cm", NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e2.Date, labs with { AfpNgMl = 25m });

        var e3 = r.Ct(D(2024, 9, 9));
        r.Measure(e3, a, 33, 48, "cm");
        r.Findings(e3, new() { TumorCount = 1, LargestTumorMm = 48, LargestUnit = "cm", NewIntrahepaticLesion = false, MrecistResponse = "PR" });
        r.Labs(e3.Date, labs with { AfpNgMl = 28m });
        r.BedsideAssessment(e3.Date, ecog: 0);
        return r;
    }
}
