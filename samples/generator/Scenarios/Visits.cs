using TaceCds.SampleGenerator.Fhir;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>Shared shapes of a patient's chart, so each scenario only states what makes it special.</summary>
public static class Visits
{
    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>Compensated cirrhosis, Child-Pugh A (5), ALBI about −2.8 (grade 1, clear of the −2.60 cut-off even with
    /// the ±2 % noise), NLR about 2.1: the ordinary patient.</summary>
    public static readonly LabPanel Compensated = new(
        BilirubinUmolL: 14m, AlbuminGL: 42m, Inr: 1.05m, AfpNgMl: 35m, AstUL: 38m, AltUL: 32m,
        Neutrophils: 3.4m, Lymphocytes: 1.6m, Platelets: 145m);

    /// <summary>
    /// The work-up the day before a TACE session: blood sample plus ECOG, ascites and encephalopathy.
    /// </summary>
    public static void PreSession(PatientRecord record, DateOnly sessionDate, LabPanel labs, int ecog = 0,
        string ascites = "none", string encephalopathy = "none")
    {
        var dayBefore = sessionDate.AddDays(-1);
        record.Labs(dayBefore, labs);
        record.BedsideAssessment(dayBefore, ecog, ascites, encephalopathy);
    }
}
