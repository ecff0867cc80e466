using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Response;

namespace TaceCds.Clinical.Course;

/// <summary>
/// Builds the current <see cref="TaceCourse"/> from facts: course boundaries, the baseline exam, target lesions
/// (with new intrahepatic lesions after the 1st and 2nd session entering at 0, per the CCI flow chart), and an
/// mRECIST assessment per usable exam. Pure.
/// </summary>
public static class TaceCourseBuilder
{
    /// <summary>mRECIST: at most 2 target lesions per organ (Lencioni &amp; Llovet 2010); for TACE, 2 intrahepatic.</summary>
    public const int MaxInitialTargets = 2;
    /// <summary>Measurable lesion / new lesion threshold, mm (mRECIST).</summary>
    public const decimal MeasurableMm = 10m;

    public static TaceCourse Build(ClinicalFacts facts, List<DataIssue>? issues = null)
    {
        issues ??= [];
        var split = CourseBoundaries.Find(facts.Therapies);
        var assumptions = new List<string>();
        var systemic = split.Current.Count == 0 ? [] : facts.SystemicTherapies
            .Where(m => (m.Start is null || m.Start <= (split.EndedBy?.Date ?? facts.AsOf)) && (m.End is null || m.End >= split.Current[0].Date))
            .ToList();

        if (split.Current.Count == 0)
            return new TaceCourse
            {
                AllSessions = split.AllSessions, Sessions = [], OtherTherapies = split.Other, SystemicTherapies = systemic,
                Assessments = [], Assumptions = assumptions, BaselineMissingReason = "no TACE session",
            };

        var undocumented = split.Current.Count(s => s.Standardized is null);
        if (undocumented > 0)
            assumptions.Add($"{undocumented} of {split.Current.Count} TACE sessions of the course have no documented standardization; they are counted as sessions");

        var exams = new ExamMeasurements(facts);
        var baseline = FindBaseline(facts, split, exams, issues, out var missingReason);
        var assessments = baseline is null ? [] : Assess(facts, split, baseline, exams, issues, assumptions);
        return new TaceCourse
        {
            AllSessions = split.AllSessions,
            Sessions = split.Current,
            StartedAfter = split.StartedAfter,
            EndedBy = split.EndedBy,
            OtherTherapies = split.Other,
            SystemicTherapies = systemic,
            Baseline = baseline,
            BaselineMissingReason = missingReason,
            Assessments = assessments,
            Assumptions = assumptions,
        };
    }

    /// <summary>mRECIST needs arterial-phase imaging: contrast CT or MR. An exam of unknown modality is used and shown as such.</summary>
    private static bool Assessable(ImagingExamFact exam) => exam.IsContrastCtOrMr || exam.HasUnknownModality;

    private static Baseline? FindBaseline(ClinicalFacts facts, CourseBoundaries.Split split, ExamMeasurements exams,
        List<DataIssue> issues, out string? missingReason)
    {
        var first = split.Current[0].Date;
        var after = split.StartedAfter?.Date;
        var candidates = facts.Exams
            .Where(e => e.Date <= first && (after is null || e.Date > after) && Assessable(e))
            .OrderByDescending(e => e.Date).ToList();
        foreach (var exam in candidates)
        {
            var measured = exams.Viable(exam.Key)
                .Where(m => facts.Lesions.GetValueOrDefault(m.Lesion)?.Intrahepatic == true)
                .ToList();
            var measurable = measured.Where(m => m.DiameterMm >= MeasurableMm).OrderByDescending(m => m.DiameterMm).ThenBy(m => m.Lesion, StringComparer.Ordinal).ToList();
            foreach (var small in measured.Where(m => m.DiameterMm < MeasurableMm))
                issues.Add(new DataIssue(DataIssueCodes.LesionBelowMeasurable, small.Source,
                    $"{small.Lesion} measures {small.DiameterMm} mm at baseline (< 10 mm): not a target lesion", DataIssue.Information));
            if (measurable.Count == 0) continue;
            if (measurable.Count > MaxInitialTargets)
                issues.Add(new DataIssue(DataIssueCodes.MultipleTargetsLimited, exam.Source ?? exam.Key,
                    $"{measurable.Count} intrahepatic lesions measured at baseline; the {MaxInitialTargets} largest are the targets (mRECIST: at most 2 per organ)", DataIssue.Information));
            var targets = measurable.Take(MaxInitialTargets).ToList();
            missingReason = null;
            return new Baseline
            {
                Date = exam.Date,
                Exam = exam.Key,
                Modality = exam.PrimaryModality,
                Targets = targets,
                TargetSumMm = targets.Sum(t => t.DiameterMm),
                DaysBeforeFirstSession = first.DayNumber - exam.Date.DayNumber,
            };
        }
        missingReason = candidates.Count == 0
            ? $"no contrast CT/MR on or before the first TACE of the course ({first:yyyy-MM-dd})" + (after is null ? "" : $" and after the preceding therapy ({after:yyyy-MM-dd})")
            : $"no contrast CT/MR before the first TACE ({first:yyyy-MM-dd}) has a measurable (≥ 10 mm) intrahepatic viable-tumor diameter";
        issues.Add(new DataIssue(DataIssueCodes.NoBaseline, null, "No mRECIST baseline: " + missingReason));
        return null;
    }

    private static List<Assessment> Assess(ClinicalFacts facts, CourseBoundaries.Split split, Baseline baseline,
        ExamMeasurements exams, List<DataIssue> issues, List<string> assumptions)
    {
        var targets = baseline.Targets.Select(t => t.Lesion).ToList();
        var enteredAsNew = new HashSet<string>(StringComparer.Ordinal);
        var known = exams.Viable(baseline.Exam).Select(m => m.Lesion).ToHashSet(StringComparer.Ordinal);
        var newNonTarget = new HashSet<string>(StringComparer.Ordinal);
        var nadir = baseline.TargetSumMm;
        var endDate = split.EndedBy?.Date ?? facts.AsOf;
        bool noNonTargetEverReported = !facts.Observations.Any(o => o.Kind == FactKind.NontargetResponse
            && o.Date >= baseline.Date && o.Date <= endDate);
        if (noNonTargetEverReported)
            assumptions.Add("no non-target assessment was reported during the course: overall response follows the target response");
        var result = new List<Assessment>();

        foreach (var exam in facts.Exams.Where(e => e.Date > baseline.Date && e.Date <= endDate))
        {
            var measured = exams.Viable(exam.Key);
            if (measured.Count == 0) continue; // no usable measurement: not an assessment
            if (!Assessable(exam))
            {
                issues.Add(new DataIssue(DataIssueCodes.ExamNotAssessable, exam.Source ?? exam.Key,
                    $"{exam.PrimaryModality} exam on {exam.Date:yyyy-MM-dd}{(exam.ContrastEnhanced == false ? " without contrast" : "")} cannot be assessed by mRECIST (needs contrast CT/MR); not an assessment", DataIssue.Information));
                continue;
            }
            var notes = new List<string>();
            var sessionsBefore = split.Current.Count(s => s.Date < exam.Date);
            var lastBefore = split.Current.LastOrDefault(s => s.Date < exam.Date);

            // New intrahepatic lesions: measured, ≥ 10 mm, never measured before (CCI: after the 1st or 2nd TACE they join the targets at 0).
            var newHere = new List<string>();
            foreach (var m in measured)
            {
                if (known.Contains(m.Lesion) || targets.Contains(m.Lesion)) continue;
                var lesion = facts.Lesions.GetValueOrDefault(m.Lesion);
                if (lesion?.Intrahepatic != true) continue;
                if (m.DiameterMm < MeasurableMm)
                {
                    notes.Add($"{m.Lesion}: new {m.DiameterMm} mm focus (< 10 mm) is equivocal, not counted as a new lesion");
                    continue;
                }
                known.Add(m.Lesion);
                newHere.Add(m.Lesion);
                if (sessionsBefore is 1 or 2)
                {
                    targets.Add(m.Lesion);
                    enteredAsNew.Add(m.Lesion);
                    notes.Add($"{m.Lesion}: new intrahepatic lesion after TACE {sessionsBefore}, added to the targets with a baseline of 0 mm");
                }
                else newNonTarget.Add(m.Lesion);
            }

            var byLesion = measured.GroupBy(m => m.Lesion).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            var missing = targets.Where(t => !byLesion.ContainsKey(t)).ToList();
            if (missing.Count > 0)
            {
                issues.Add(new DataIssue(DataIssueCodes.IncompleteTargetMeasurement, exam.Source ?? exam.Key,
                    $"exam on {exam.Date:yyyy-MM-dd} has no viable diameter for target lesion(s) {string.Join(", ", missing)}: the target sum cannot be computed; not an assessment"));
                continue;
            }
            var targetMeasurements = targets.Select(t => byLesion[t] with { EnteredAsNewLesion = enteredAsNew.Contains(t) }).ToList();
            var sum = targetMeasurements.Sum(t => t.DiameterMm);

            var flags = exams.Findings(exam.Key);
            var reportedNew = flags.Flag(FactKind.NewIntrahepaticLesion);
            var stillPresent = newNonTarget.Where(l => byLesion.TryGetValue(l, out var m) && m.DiameterMm > 0).ToList();
            bool newIntrahepatic = newHere.Count > 0 || stillPresent.Count > 0 || reportedNew.Value == true;
            if (reportedNew.Value == false && newHere.Count > 0)
                issues.Add(new DataIssue(DataIssueCodes.ReportedDisagrees, reportedNew.Source,
                    $"reported 'no new intrahepatic lesion' on {exam.Date:yyyy-MM-dd}, but {string.Join(", ", newHere)} is measured for the first time", DataIssue.Warning));
            var newExtrahepaticLesions = measured
                .Where(m => facts.Lesions.GetValueOrDefault(m.Lesion)?.Intrahepatic == false && !known.Contains(m.Lesion) && m.DiameterMm >= MeasurableMm)
                .Select(m => m.Lesion).ToList();
            known.UnionWith(newExtrahepaticLesions);
            var newExtrahepatic = flags.Flag(FactKind.NewExtrahepaticLesion).Value == true || newExtrahepaticLesions.Count > 0;
            var nonTarget = MrecistNames.ParseNonTarget(flags.Code(FactKind.NontargetResponse).Value);

            var target = Mrecist.TargetResponse(sum, baseline.TargetSumMm, nadir);
            var overall = Mrecist.OverallResponse(target, nonTarget, newIntrahepatic || newExtrahepatic, noNonTargetEverReported);
            if (target == MrecistCategory.CR && nonTarget is null && !noNonTargetEverReported)
                notes.Add("target CR but the non-target lesions were not assessed on this exam: overall PR (RECIST)");
            var reported = MrecistNames.Parse(flags.Code(FactKind.ReportedMrecistResponse).Value);
            if (reported is { } r && r != overall)
                issues.Add(new DataIssue(DataIssueCodes.ReportedDisagrees, flags.Code(FactKind.ReportedMrecistResponse).Source,
                    $"reported mRECIST response {r} on {exam.Date:yyyy-MM-dd} differs from the computed overall response {overall}", DataIssue.Information));

            result.Add(new Assessment
            {
                Date = exam.Date,
                Exam = exam.Key,
                Modality = exam.PrimaryModality,
                DaysAfterLastTace = lastBefore is null ? null : exam.Date.DayNumber - lastBefore.Date.DayNumber,
                SessionsBefore = sessionsBefore,
                TargetSumMm = sum,
                NadirSumMm = nadir,
                ChangeFromBaselinePct = Mrecist.PercentChange(sum, baseline.TargetSumMm),
                ChangeFromNadirPct = Mrecist.PercentChange(sum, nadir),
                TargetResponse = target,
                ResponseVsBaseline = Mrecist.ResponseVersusBaseline(sum, baseline.TargetSumMm),
                NewIntrahepaticLesion = newIntrahepatic,
                NewExtrahepaticLesion = newExtrahepatic,
                NonTargetResponse = nonTarget,
                OverallResponse = overall,
                ReportedResponse = reported,
                Targets = targetMeasurements,
                NewLesions = newHere.Concat(stillPresent).Distinct().ToList(),
                Sources = flags.Sources,
                Notes = notes,
            });
            nadir = Math.Min(nadir, sum);
        }
        return result;
    }
}
