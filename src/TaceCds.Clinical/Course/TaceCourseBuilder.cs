using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Response;

namespace TaceCds.Clinical.Course;

/// <summary>
/// Builds the current <see cref="TaceCourse"/> from facts: course boundaries, the baseline exam, the mRECIST target
/// lesions chosen there, an mRECIST assessment per later contrast CT/MR, and beside it the CCI 2022 ledger (the
/// baseline targets plus new intrahepatic lesions first seen after TACE 1 and before TACE 3, entering at 0). Pure.
/// </summary>
public static class TaceCourseBuilder
{
    /// <summary>mRECIST: at most 2 target lesions per organ (Lencioni &amp; Llovet 2010); for TACE, 2 intrahepatic.</summary>
    public const int MaxInitialTargets = 2;
    /// <summary>Measurable lesion / new lesion threshold, mm (mRECIST).</summary>
    public const decimal MeasurableMm = 10m;

    public static TaceCourse Build(ClinicalFacts facts, List<DataIssue>? issues = null, CourseOptions? options = null)
    {
        issues ??= [];
        options ??= CourseOptions.Default;
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
                Cci = new CciCourse
                {
                    MaxDaysBeforeFirstSession = options.CciBaselineMaxDaysBeforeFirstTace, BaselineMissing = "no TACE session",
                    ConsecutiveStandardizedSessions = 0,
                },
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
            Cci = CciCourseOf(split.Current, baseline, missingReason, options, issues),
            Assumptions = assumptions,
        };
    }

    /// <summary>
    /// The CCI baseline is the mRECIST baseline when it is at most the configured days before the first TACE (§2);
    /// the standardized run restarts after a session documented as not standardized (undocumented ones count).
    /// </summary>
    private static CciCourse CciCourseOf(IReadOnlyList<TaceSession> sessions, Baseline? baseline, string? missingReason,
        CourseOptions options, List<DataIssue> issues)
    {
        var max = options.CciBaselineMaxDaysBeforeFirstTace;
        var lastFalse = sessions.LastOrDefault(s => s.Standardized == false);
        var run = lastFalse is null ? sessions.Count : sessions.Count(s => s.Date > lastFalse.Date);
        string? missing = null;
        if (baseline is null) missing = missingReason;
        else if (baseline.DaysBeforeFirstSession > max)
        {
            missing = $"a baseline contrast CT/MR at most {max} days before the first TACE ({sessions[0].Date:yyyy-MM-dd}): " +
                      $"the last one, {baseline.Modality} on {baseline.Date:yyyy-MM-dd}, is {baseline.DaysBeforeFirstSession} days before it";
            issues.Add(new DataIssue(DataIssueCodes.BaselineTooOld, baseline.Exam,
                $"the baseline {baseline.Modality} on {baseline.Date:yyyy-MM-dd} is {baseline.DaysBeforeFirstSession} days before the first TACE (more than {max}): it is the mRECIST baseline but not the CCI baseline"));
        }
        return new CciCourse
        {
            MaxDaysBeforeFirstSession = max,
            Baseline = missing is null ? baseline : null,
            BaselineMissing = missing,
            ConsecutiveStandardizedSessions = run,
            LastNotStandardized = lastFalse,
        };
    }

    private static Baseline? FindBaseline(ClinicalFacts facts, CourseBoundaries.Split split, ExamMeasurements exams,
        List<DataIssue> issues, out string? missingReason)
    {
        var first = split.Current[0].Date;
        var after = split.StartedAfter?.Date;
        var inRange = facts.Exams
            .Where(e => e.Date <= first && (after is null || e.Date > after))
            .OrderByDescending(e => e.Date).ToList();
        var qualifying = 0;
        foreach (var exam in inRange)
        {
            var measured = exams.Viable(exam.Key)
                .Where(m => facts.Lesions.GetValueOrDefault(m.Lesion)?.Intrahepatic == true)
                .ToList();
            if (exam.NotQualifyingReason is { } why)
            {
                // A measured exam that is not a contrast CT/MR would otherwise have been the baseline: say why it is not.
                if (measured.Count > 0)
                    issues.Add(new DataIssue(DataIssueCodes.BaselineNotQualifying, exam.Source ?? exam.Key,
                        $"{exam.DisplayModality} exam on {exam.Date:yyyy-MM-dd}: {why}; its measurements do not set the baseline (needs a contrast CT/MR)"));
                continue;
            }
            qualifying++;
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
        missingReason = qualifying == 0
            ? $"no contrast CT/MR on or before the first TACE of the course ({first:yyyy-MM-dd})" + (after is null ? "" : $" and after the preceding therapy ({after:yyyy-MM-dd})")
            : $"no contrast CT/MR before the first TACE ({first:yyyy-MM-dd}) has a measurable (≥ 10 mm) intrahepatic viable-tumor diameter";
        issues.Add(new DataIssue(DataIssueCodes.NoBaseline, null, "No mRECIST baseline: " + missingReason));
        return null;
    }

    private static List<Assessment> Assess(ClinicalFacts facts, CourseBoundaries.Split split, Baseline baseline,
        ExamMeasurements exams, List<DataIssue> issues, List<string> assumptions)
    {
        var targets = baseline.Targets.Select(t => t.Lesion).ToHashSet(StringComparer.Ordinal);
        var measuredAtBaseline = exams.Viable(baseline.Exam).Select(m => m.Lesion).ToList();
        var lesions = new NewLesionTracker(facts, measuredAtBaseline);
        var knownExtrahepatic = new HashSet<string>(measuredAtBaseline, StringComparer.Ordinal);
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
            if (exam.NotQualifyingReason is { } why)
            {
                if (exam.Date <= split.Current[0].Date) continue; // before the first TACE: reported by FindBaseline
                // Clinically ordinary exams (US, PET, non-contrast) are information; an exam nobody can identify is a data gap.
                var gap = exam.HasNoStudy || exam.HasUnknownModality || exam.IsHybridPet;
                issues.Add(new DataIssue(DataIssueCodes.ExamNotAssessable, exam.Source ?? exam.Key,
                    $"{exam.DisplayModality} exam on {exam.Date:yyyy-MM-dd}: {why}; mRECIST needs a contrast CT/MR: not an assessment and not a nadir",
                    gap ? DataIssue.Warning : DataIssue.Information));
                continue;
            }
            var notes = new List<string>();
            var sessionsBefore = split.Current.Count(s => s.Date < exam.Date);
            var lastBefore = split.Current.LastOrDefault(s => s.Date < exam.Date);
            var newHere = lesions.Classify(exam.Date, sessionsBefore, measured, targets, notes);

            var byLesion = measured.GroupBy(m => m.Lesion).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            var missing = baseline.Targets.Select(t => t.Lesion).Where(t => !byLesion.ContainsKey(t)).ToList();
            if (missing.Count > 0)
            {
                issues.Add(new DataIssue(DataIssueCodes.IncompleteTargetMeasurement, exam.Source ?? exam.Key,
                    $"exam on {exam.Date:yyyy-MM-dd} has no viable diameter for target lesion(s) {string.Join(", ", missing)}: the target sum cannot be computed; not an assessment"));
                continue;
            }
            var targetMeasurements = baseline.Targets.Select(t => byLesion[t.Lesion]).ToList();
            var sum = targetMeasurements.Sum(t => t.DiameterMm);
            var cci = CciAt(exam, baseline, targetMeasurements, lesions.CciSet, byLesion, issues);

            var flags = exams.Findings(exam.Key);
            var reportedNew = flags.Flag(FactKind.NewIntrahepaticLesion);
            var stillViable = lesions.StillViable(byLesion, newHere);
            bool newIntrahepatic = newHere.Count > 0 || stillViable.Count > 0 || reportedNew.Value == true;
            if (reportedNew.Value == true && newHere.Count == 0 && stillViable.Count == 0)
            {
                if (sessionsBefore >= 3) notes.Add(NewLesionTracker.Restage("a reported new intrahepatic lesion", sessionsBefore));
                else if (sessionsBefore >= 1)
                    notes.Add($"a new intrahepatic lesion is reported after TACE {sessionsBefore} but no new lesion of ≥ 10 mm is measured: overall mRECIST PD; it cannot enter the CCI target set until its viable diameter is measured");
            }
            if (reportedNew.Value == false && newHere.Count > 0)
                issues.Add(new DataIssue(DataIssueCodes.ReportedDisagrees, reportedNew.Source,
                    $"reported 'no new intrahepatic lesion' on {exam.Date:yyyy-MM-dd}, but {string.Join(", ", newHere)} is measured for the first time", DataIssue.Warning));
            var newExtrahepaticLesions = measured
                .Where(m => facts.Lesions.GetValueOrDefault(m.Lesion)?.Intrahepatic == false && !knownExtrahepatic.Contains(m.Lesion) && m.DiameterMm >= MeasurableMm)
                .Select(m => m.Lesion).ToList();
            knownExtrahepatic.UnionWith(newExtrahepaticLesions);
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
                LastSessionDate = lastBefore?.Date,
                SessionsBefore = sessionsBefore,
                TargetSumMm = sum,
                NadirSumMm = nadir,
                ChangeFromBaselinePct = Mrecist.PercentChange(sum, baseline.TargetSumMm),
                ChangeFromNadirPct = Mrecist.PercentChange(sum, nadir),
                TargetResponse = target,
                Cci = cci,
                NewIntrahepaticLesion = newIntrahepatic,
                NewExtrahepaticLesion = newExtrahepatic,
                NonTargetResponse = nonTarget,
                OverallResponse = overall,
                ReportedResponse = reported,
                Targets = targetMeasurements,
                NewLesions = newHere.Concat(stillViable).Distinct().ToList(),
                Sources = flags.Sources,
                Notes = notes,
            });
            nadir = Math.Min(nadir, sum);
        }
        return result;
    }

    /// <summary>The CCI ledger at one exam: baseline targets plus the set's new lesions (from 0 mm), against the baseline sum.</summary>
    private static CciAssessment? CciAt(ImagingExamFact exam, Baseline baseline, List<TargetMeasurement> baselineTargets,
        IReadOnlyList<CciNewLesion> set, Dictionary<string, TargetMeasurement> byLesion, List<DataIssue> issues)
    {
        var unmeasured = set.Where(n => !byLesion.ContainsKey(n.Lesion)).Select(n => n.Lesion).ToList();
        if (unmeasured.Count > 0)
        {
            issues.Add(new DataIssue(DataIssueCodes.IncompleteTargetMeasurement, exam.Source ?? exam.Key,
                $"exam on {exam.Date:yyyy-MM-dd} has no viable diameter for {string.Join(", ", unmeasured)} of the CCI target set (new after TACE 1 or 2): the CCI sum cannot be computed"));
            return null;
        }
        var targets = baselineTargets.Concat(set.Select(n => byLesion[n.Lesion] with { EnteredAsNewLesion = true })).ToList();
        var sum = targets.Sum(t => t.DiameterMm);
        return new CciAssessment
        {
            TargetSumMm = sum,
            BaselineSumMm = baseline.TargetSumMm,
            PercentOfBaseline = baseline.TargetSumMm == 0 ? null : Math.Round(sum / baseline.TargetSumMm * 100m, 1, MidpointRounding.AwayFromZero),
            ResponseVsBaseline = Mrecist.ResponseVersusBaseline(sum, baseline.TargetSumMm),
            Targets = targets,
            NewLesionsInSet = set.ToList(),
        };
    }
}
