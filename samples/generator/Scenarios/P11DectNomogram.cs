using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>
/// p11 — DECT + perfusion CT nomogram (seed 004): BCLC C (portal vein branch invasion), Child-Pugh A, first-line
/// TACE + lenvatinib + tislelizumab, pre-treatment DECT 8 days before the 1st TACE with the paper's Figure 2 lesions.
/// Lesion A carries NIC and λHU directly; lesion B carries only the raw values (IC 3.83 / aorta 7.00 mg/mL,
/// CT40 310.5 / CT90 142.0 HU), so the engine must derive NIC 54.71 % and λHU 3.37 itself.
/// </summary>
public static class P11DectNomogram
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p11", seed: 1111);
        r.Patient("Liu", "Yang", "male", D(1966, 1, 23));
        r.Hcc(D(2024, 8, 20));

        var a = r.Lesion("a", "Segment VI tumor (Figure 2 responder)");
        var b = r.Lesion("b", "Right lobe mass (Figure 2 non-responder)");

        var dect = r.Exam(D(2024, 9, 2), [Terminology.Ct], "Dual-energy CT with perfusion CT of the liver (pre-treatment)");
        r.Measure(dect, a, 42.4m, 42.4m);
        r.LesionQuantity(dect, a, "dect-nic-ap", "Normalized iodine concentration, arterial phase", 17.42m, "%");
        r.LesionQuantity(dect, a, "dect-ic-ap", "Iodine concentration, arterial phase", 1.86m, "mg/mL");
        r.LesionQuantity(dect, a, "dect-lambda-hu-ap", "Spectral curve slope, arterial phase", 2.41m, "[hnsf'U]/keV", "HU/keV");
        r.LesionQuantity(dect, a, "dect-zeff-ap", "Effective atomic number, arterial phase", 8.52m, "1");
        r.LesionQuantity(dect, a, "pct-ps", "Permeability surface-area product", 17.38m, "mL/min/100g");

        r.Measure(dect, b, 100.5m, 100.5m);
        r.LesionQuantity(dect, b, "dect-ic-ap", "Iodine concentration, arterial phase", 3.83m, "mg/mL");
        r.LesionQuantity(dect, b, "dect-ic-aorta-ap", "Aortic iodine concentration, arterial phase", 7.00m, "mg/mL");
        r.LesionQuantity(dect, b, "dect-ct40-ap", "CT number at 40 keV, arterial phase", 310.5m, "[hnsf'U]", "HU");
        r.LesionQuantity(dect, b, "dect-ct90-ap", "CT number at 90 keV, arterial phase", 142.0m, "[hnsf'U]", "HU");
        r.LesionQuantity(dect, b, "dect-zeff-ap", "Effective atomic number, arterial phase", 9.31m, "1");
        r.LesionQuantity(dect, b, "pct-ps", "Permeability surface-area product", 36.57m, "mL/min/100g");

        r.ExamQuantity(dect, "ct-dlp", "CT dose-length product", 850m, "mGy.cm");
        r.ExamQuantity(dect, "ct-ctdivol", "CT volume dose index", 12.4m, "mGy");
        r.Findings(dect, new() { TumorCount = 2, LargestTumorMm = 100.5m, VascularInvasion = true, ExtrahepaticSpread = false });

        var labs = Compensated with { AfpNgMl = 860m, Platelets = 168m };
        PreSession(r, D(2024, 9, 10), labs);
        r.ReportedBclc(D(2024, 9, 9), "C");
        r.Tace(1, D(2024, 9, 10), standardized: true);
        r.Medication(Terminology.Lenvatinib, D(2024, 9, 12));
        r.Medication(Terminology.Tislelizumab, D(2024, 9, 14));

        var e1 = r.Ct(D(2024, 11, 4));
        r.Measure(e1, a, 0, 38);
        r.Measure(e1, b, 95, 100);
        r.Findings(e1, new() { TumorCount = 2, LargestTumorMm = 100, NewIntrahepaticLesion = false, NontargetResponse = "IR-SD", VascularInvasion = true, MrecistResponse = "PR" });
        r.Labs(e1.Date, labs with { AfpNgMl = 410m });

        PreSession(r, D(2024, 11, 11), labs with { AfpNgMl = 395m });
        r.Tace(2, D(2024, 11, 11), standardized: true);

        var e2 = r.Mr(D(2025, 1, 6));
        r.Measure(e2, a, 0, 36);
        r.Measure(e2, b, 90, 98);
        r.Findings(e2, new() { TumorCount = 2, LargestTumorMm = 98, NewIntrahepaticLesion = false, NontargetResponse = "IR-SD", VascularInvasion = true, MrecistResponse = "PR" });
        r.Labs(e2.Date, labs with { AfpNgMl = 350m });
        return r;
    }
}
