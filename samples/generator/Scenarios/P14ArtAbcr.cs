using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>
/// p14 — ART and ABCR before a 2nd TACE: BCLC B, one TACE so far; AST 42 → 61–63 U/L (&gt; 25 %), Child-Pugh 5 → 7
/// (bilirubin and albumin each one band worse), no radiologic response (SD), AFP ≥ 200 ng/mL throughout.
/// </summary>
public static class P14ArtAbcr
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p14", seed: 1414);
        r.Patient("Tang", "Hui", "female", D(1954, 9, 9));
        r.Hcc(D(2025, 2, 18));

        var a = r.Lesion("a", "Segment VIII tumor");
        var b = r.Lesion("b", "Segment V tumor");

        var baseline = r.Ct(D(2025, 3, 3));
        r.Measure(baseline, a, 62, 64);
        r.Measure(baseline, b, 38, 40);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 64, VascularInvasion = false, ExtrahepaticSpread = false });

        var before = Compensated with { BilirubinUmolL = 18m, AlbuminGL = 38m, Inr = 1.10m, AfpNgMl = 450m, AstUL = 42m, AltUL = 36m };
        PreSession(r, D(2025, 3, 10), before);
        r.ReportedBclc(D(2025, 3, 9), "B");
        r.Tace(1, D(2025, 3, 10), standardized: true);

        var e1 = r.Ct(D(2025, 4, 21));
        r.Measure(e1, a, 58, 63);
        r.Measure(e1, b, 36, 40);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 63, NewIntrahepaticLesion = false, MrecistResponse = "SD" });
        var after = before with { BilirubinUmolL = 36m, AlbuminGL = 33m, Inr = 1.20m, AfpNgMl = 520m, AstUL = 61m, AltUL = 50m };
        r.Labs(e1.Date, after);
        r.BedsideAssessment(e1.Date, ecog: 0);

        // Work-up for the 2nd session being considered (not performed by the evaluation date).
        var workUp = D(2025, 5, 19);
        r.Labs(workUp, after with { BilirubinUmolL = 37m, AlbuminGL = 32.5m, Inr = 1.22m, AfpNgMl = 560m, AstUL = 63m });
        r.BedsideAssessment(workUp, ecog: 0);
        return r;
    }
}
