using System.Globalization;
using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Facts;

/// <summary>A resource as found in a record, with the fullUrl it had in its Bundle (for urn:uuid references) and where
/// it was found (<c>Bundle.entry[3]</c>; null: <see cref="Resource.SourceLocation"/>), for data issues.</summary>
public readonly record struct RecordEntry(Resource Resource, string? FullUrl = null, string? Location = null);

/// <summary>Turns one patient's FHIR resources into <see cref="ClinicalFacts"/> as of a day. Pure: no I/O, no clock.</summary>
public static class FactExtractor
{
    public static ClinicalFacts Extract(Patient patient, IEnumerable<RecordEntry> entries, DateOnly asOf, ExtractionOptions? options = null)
    {
        if (patient.Id is null) throw new ArgumentException("The patient has no id.", nameof(patient));
        var all = entries as IReadOnlyList<RecordEntry> ?? entries.ToList();
        var resolver = new ReferenceResolver();
        foreach (var e in all)
            if (e.FullUrl is not null && e.Resource.LocalReference is { } local) resolver.AddFullUrl(e.FullUrl, local);

        var ctx = new ExtractionContext(patient.LocalReference!, asOf, options ?? ExtractionOptions.Default, resolver);
        DroppedElementIssues.Report(all, ctx);
        var (list, conflicting) = DuplicateResources.Resolve(all, ctx);
        // Copies left out as duplicates or conflicts were read too (and are reported as data issues).
        ctx.Summary.ResourcesRead += all.Count - list.Count;
        var observations = new List<ObservationFact>();
        var therapies = new List<TherapyFact>();
        var exams = new List<ImagingExamFact>();
        var lesions = new Dictionary<string, LesionFact>(StringComparer.Ordinal);
        var medications = new List<MedicationFact>();
        var diagnoses = new List<DiagnosisFact>();
        var otherPrimaries = new List<DiagnosisFact>();
        var ignoredStudies = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (resource, _, _) in list)
        {
            ctx.Summary.ResourcesRead++;
            switch (resource)
            {
                case Patient p:
                    if (p.LocalReference == ctx.PatientReference) ctx.Summary.ResourcesUsed++;
                    else ctx.Summary.OtherPatients++;
                    break;
                case Observation o:
                    if (ObservationExtraction.Extract(o, ctx) is { } fact) observations.Add(fact);
                    break;
                case Procedure pr:
                    if (ProcedureExtraction.Extract(pr, ctx) is { } therapy) therapies.Add(therapy);
                    break;
                case ImagingStudy s:
                    if (ImagingStudyExtraction.Extract(s, ctx) is { } exam) exams.Add(exam);
                    else if (s.LocalReference is { } r) ignoredStudies.Add(r);
                    break;
                case BodyStructure b:
                    if (LesionExtraction.Extract(b, ctx) is { } lesion) lesions[lesion.Source] = lesion;
                    break;
                case Condition c:
                    if (ConditionExtraction.Extract(c, ctx) is { } dx) (dx.Hcc ? diagnoses : otherPrimaries).Add(dx.Fact);
                    break;
                case MedicationResource m:
                    if (MedicationExtraction.Extract(m, ctx) is { } med) medications.Add(med);
                    break;
                default:
                    ctx.Summary.NotUsed++;
                    break;
            }
        }

        ctx.ReportUnknownProcedureCodes();
        observations = AttachToExams(observations, exams, ignoredStudies, ctx);
        CheckLesions(observations, lesions, ctx);
        observations.AddRange(DerivedImagingValues.Compute(observations).ToList());

        return new ClinicalFacts
        {
            PatientReference = ctx.PatientReference,
            AsOf = asOf,
            // A Patient found twice with different content: its birth date and gender only when every copy agrees.
            BirthDate = Agreed(patient, conflicting, all, p => p.BirthDate?.Date),
            Gender = Agreed(patient, conflicting, all, p => p.Gender),
            Observations = observations.OrderBy(o => o.Date).ThenBy(o => o.EffectiveText, StringComparer.Ordinal).ThenBy(o => o.Source, StringComparer.Ordinal).ToList(),
            Therapies = ProcedureExtraction.MergeSameDay(therapies, ctx),
            Exams = exams.OrderBy(e => e.Date).ThenBy(e => e.Key, StringComparer.Ordinal).ToList(),
            Lesions = lesions,
            SystemicTherapies = medications.OrderBy(m => m.Start ?? DateOnly.MinValue).ToList(),
            Diagnoses = diagnoses,
            OtherPrimaryCancers = otherPrimaries,
            DataIssues = ctx.Issues,
            Conflicting = conflicting,
            Summary = ctx.Summary,
        };
    }

    private static T? Agreed<T>(Patient patient, IReadOnlyList<ConflictingResource> conflicting, IReadOnlyList<RecordEntry> all, Func<Patient, T?> read)
    {
        if (!conflicting.Any(c => c.Reference == patient.LocalReference)) return read(patient);
        var values = all.Select(e => e.Resource).OfType<Patient>().Where(p => p.LocalReference == patient.LocalReference).Select(read).Distinct().ToList();
        return values.Count == 1 ? values[0] : default;
    }

    /// <summary>
    /// Every imaging Observation belongs to an exam: its ImagingStudy, or (with no study) the Observations of its day,
    /// modality unknown. Measurements of an ignored study (entered-in-error, cancelled) are not used.
    /// </summary>
    private static List<ObservationFact> AttachToExams(List<ObservationFact> observations, List<ImagingExamFact> exams,
        HashSet<string> ignoredStudies, ExtractionContext ctx)
    {
        var known = exams.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var result = new List<ObservationFact>(observations.Count);
        foreach (var o in observations)
        {
            var fact = o;
            if (o.Exam is { } exam && exam.StartsWith("ImagingStudy/", StringComparison.Ordinal) && !known.Contains(exam))
            {
                if (ignoredStudies.Contains(exam))
                {
                    ctx.Issue(DataIssueCodes.UnresolvedReference, o.Source, $"derived from {exam}, which is not used (status or date); measurement not used");
                    continue;
                }
                ctx.Issue(DataIssueCodes.UnresolvedReference, o.Source, $"derived from {exam}, which is not in the record; grouped by date with unknown modality");
                fact = o with { Exam = "date:" + o.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            }
            if (fact.Exam is { } key && key.StartsWith("date:", StringComparison.Ordinal) && known.Add(key))
                exams.Add(new ImagingExamFact { Key = key, Date = fact.Date, Modalities = [ImagingExamFact.UnknownModality] });
            result.Add(fact);
        }
        return result;
    }

    private static void CheckLesions(List<ObservationFact> observations, Dictionary<string, LesionFact> lesions, ExtractionContext ctx)
    {
        foreach (var o in observations)
        {
            if (o.Lesion is null || lesions.ContainsKey(o.Lesion)) continue;
            ctx.Issue(DataIssueCodes.UnknownLesion, o.Source, $"focus {o.Lesion} is not in the record: its location is unknown, so it cannot be a target lesion");
            lesions[o.Lesion] = new LesionFact { Source = o.Lesion, Intrahepatic = null };
        }
    }
}
