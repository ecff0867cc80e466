using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Facts;

internal static class ConditionExtraction
{
    /// <summary>The HCC diagnosis, or a documented non-liver primary cancer (<see cref="NonLiverPrimaryCancer"/>), or null.</summary>
    public static (DiagnosisFact Fact, bool Hcc)? Extract(Condition condition, ExtractionContext ctx)
    {
        var codings = condition.Code?.Coding ?? [];
        // ValueSet hcc-diagnosis (ICD-10 C22.0, SNOMED CT 109841003; sources in fhir-profiles/codes.md), as the site extended it.
        var coding = codings.FirstOrDefault(c => ctx.Options.Terminology.HccDiagnosis.Contains(c.System, c.Code));
        var hcc = coding is not null;
        coding ??= codings.FirstOrDefault(c => NonLiverPrimaryCancer.IsNonLiverPrimary(c.System, c.Code));
        if (coding is null) { ctx.Summary.NotUsed++; return null; }
        if (!ctx.IsOurs(condition, condition.Subject)) return null;
        var verification = condition.VerificationStatus?.Coding.FirstOrDefault()?.Code;
        if (hcc ? !StatusPolicy.ConditionUsable(verification) : !NonLiverPrimaryCancer.Documented(verification))
        {
            ctx.Summary.Ignore("Condition", verification);
            return null;
        }
        var onset = ExtractionContext.StartDay(condition.Onset) ?? condition.RecordedDate?.Date;
        if (onset is { } day && !ctx.WithinAsOf(day)) return null;
        ctx.Summary.ResourcesUsed++;
        var fact = new DiagnosisFact
        {
            Code = coding.Code!, System = coding.System!, Display = coding.Display ?? condition.Code?.Text, Onset = onset,
            Source = ExtractionContext.SourceOf(condition),
        };
        return (fact, hcc);
    }
}

internal static class MedicationExtraction
{
    public static MedicationFact? Extract(MedicationResource medication, ExtractionContext ctx)
    {
        if (medication.Medication is not CodeableConcept concept)
        {
            ctx.Summary.NotUsed++;
            return null;
        }
        // ValueSet systemic-therapy-hcc (WHO ATC codes), as the site extended or replaced it.
        var coding = concept.Coding.FirstOrDefault(c => ctx.Options.Terminology.SystemicTherapy.Contains(c.System, c.Code));
        if (coding is null) { ctx.Summary.NotUsed++; return null; }
        if (!ctx.IsOurs(medication, medication.Subject)) return null;
        if (!StatusPolicy.MedicationUsable(medication.Status))
        {
            ctx.Summary.Ignore(medication.ResourceType, medication.Status);
            return null;
        }
        var when = medication.When;
        var start = ExtractionContext.StartDay(when);
        var end = when is Period p ? p.End?.Date : null;
        if (start is { } s && !ctx.WithinAsOf(s)) return null;
        if (start is null)
            ctx.Issue(DataIssueCodes.MissingDate, medication, $"systemic therapy {coding.Display ?? coding.Code} has no date; listed without one", DataIssue.Information);
        ctx.Summary.ResourcesUsed++;
        return new MedicationFact
        {
            Code = coding.Code!, System = coding.System!, Display = coding.Display ?? concept.Text, Start = start, End = end,
            Source = ExtractionContext.SourceOf(medication),
        };
    }
}
