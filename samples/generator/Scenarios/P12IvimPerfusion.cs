using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>
/// p12 — IVIM-DWI model (seed 001) and CT perfusion after TACE (seed 000): CNLC IIIa (portal vein tumor thrombus),
/// NLR about 5.6, incomplete capsule, IVIM ADC/D/D*/f before treatment; CT perfusion before and after the TACE with
/// HAP and HPI up, PVP down, BV and TTP about unchanged (the residual-tumor pattern).
/// </summary>
public static class P12IvimPerfusion
{
    public static PatientRecord Build()
    {
        var r = new PatientRecord("p12", seed: 1212);
        r.Patient("He", "Ping", "male", D(1960, 8, 16));
        r.Hcc(D(2024, 5, 10));

        var a = r.Lesion("a", "Right lobe tumor with right portal vein tumor thrombus");
        var labs = Compensated with { Neutrophils = 6.2m, Lymphocytes = 1.1m, AfpNgMl = 1250m };

        var ivim = r.Exam(D(2024, 5, 27), [Terminology.Mr], "Contrast-enhanced MRI of the liver with IVIM-DWI");
        r.Measure(ivim, a, 68, 70);
        r.TumorCapsule(ivim, a, "incomplete");
        const string diffusion = "10*-3.mm2/s";
        r.LesionQuantity(ivim, a, "ivim-adc", "IVIM apparent diffusion coefficient", 1.05m, diffusion, "10^-3 mm²/s");
        r.LesionQuantity(ivim, a, "ivim-d", "IVIM true diffusion coefficient D", 0.82m, diffusion, "10^-3 mm²/s");
        r.LesionQuantity(ivim, a, "ivim-dstar", "IVIM pseudo-diffusion coefficient D*", 28.5m, diffusion, "10^-3 mm²/s");
        r.LesionQuantity(ivim, a, "ivim-f", "IVIM perfusion fraction f", 24.3m, "%");
        r.Findings(ivim, new() { TumorCount = 1, LargestTumorMm = 70, VascularInvasion = true, ExtrahepaticSpread = false });
        r.Labs(ivim.Date, labs);

        var before = r.Exam(D(2024, 6, 3), [Terminology.Ct], "CT perfusion of the liver (before TACE)");
        r.Measure(before, a, 67, 70);
        Perfusion(r, before, a, hap: 45.2m, pvp: 62.0m, hpi: 42.2m, bloodVolume: 12.1m, timeToPeak: 18.5m);
        r.Findings(before, new() { TumorCount = 1, LargestTumorMm = 70, VascularInvasion = true, ExtrahepaticSpread = false });

        PreSession(r, D(2024, 6, 10), labs with { AfpNgMl = 1310m });
        r.ReportedCnlc(D(2024, 6, 9), "IIIa");
        r.Tace(1, D(2024, 6, 10), standardized: true, snomedCode: true);

        var after = r.Exam(D(2024, 7, 15), [Terminology.Ct], "CT perfusion of the liver (after TACE)");
        r.Measure(after, a, 40, 66);
        Perfusion(r, after, a, hap: 58.6m, pvp: 41.3m, hpi: 58.7m, bloodVolume: 12.4m, timeToPeak: 18.9m);
        r.LesionQuantity(after, a, "ctp-bv-embolized", "Blood volume of the embolized area", 3.1m, "mL/100g");
        r.Findings(after, new() { TumorCount = 1, LargestTumorMm = 66, NewIntrahepaticLesion = false, NontargetResponse = "IR-SD", VascularInvasion = true, MrecistResponse = "PR" });
        r.Labs(after.Date, labs with { AfpNgMl = 640m });
        r.BedsideAssessment(after.Date, ecog: 0);
        return r;
    }

    private static void Perfusion(PatientRecord r, Exam exam, Lesion lesion, decimal hap, decimal pvp, decimal hpi,
        decimal bloodVolume, decimal timeToPeak)
    {
        r.LesionQuantity(exam, lesion, "ctp-hap", "Hepatic arterial perfusion", hap, "mL/min/100mL");
        r.LesionQuantity(exam, lesion, "ctp-pvp", "Portal venous perfusion", pvp, "mL/min/100mL");
        r.LesionQuantity(exam, lesion, "ctp-hpi", "Hepatic perfusion index", hpi, "%");
        r.LesionQuantity(exam, lesion, "ctp-bv-roi", "Blood volume (ROI)", bloodVolume, "mL/100g");
        r.LesionQuantity(exam, lesion, "ctp-ttp", "Time to peak", timeToPeak, "s");
    }
}
