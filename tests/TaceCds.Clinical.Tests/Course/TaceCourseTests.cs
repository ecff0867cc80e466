using TaceCds.Clinical.Course;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Response;
using TaceCds.Clinical.Tests.Support;
using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Tests.Course;

public class TaceCourseTests
{
    [Fact]
    public void Three_sessions_with_growth_against_baseline_are_PD_versus_baseline()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 30), ("l2", 10))
            .Tace("2024-01-10").Tace("2024-02-20").Tace("2024-04-01")
            .Ct("2024-05-20", ("l1", 38), ("l2", 14))
            .Course("2024-06-01");

        Assert.Equal(3, course.ConsecutiveSessions);
        Assert.Equal(new DateOnly(2024, 1, 2), course.Baseline!.Date);
        Assert.Equal(40m, course.Baseline.TargetSumMm);
        var a = Assert.Single(course.Assessments);
        Assert.Equal(52m, a.TargetSumMm);
        Assert.Equal(40m, a.NadirSumMm);
        Assert.Equal(30.0m, a.ChangeFromBaselinePct);
        Assert.Equal(30.0m, a.ChangeFromNadirPct);
        Assert.Equal(3, a.SessionsBefore);
        Assert.Equal(49, a.DaysAfterLastTace);
        Assert.Equal(MrecistCategory.PD, a.TargetResponse);
        Assert.Equal(MrecistCategory.PD, a.ResponseVsBaseline);
        Assert.Equal(MrecistCategory.PD, a.OverallResponse);
        Assert.Equal("CT", a.Modality);
    }

    [Fact]
    public void PD_against_the_nadir_is_not_PD_against_the_baseline()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 50))
            .Tace("2024-01-10")
            .Ct("2024-02-15", ("l1", 30))     // −40 %: PR, nadir 30
            .Tace("2024-02-20").Tace("2024-04-01")
            .Ct("2024-05-10", ("l1", 38))     // +26.7 % vs nadir, −24 % vs baseline
            .Course("2024-06-01");

        Assert.Collection(course.Assessments,
            first => Assert.Equal(MrecistCategory.PR, first.TargetResponse),
            last =>
            {
                Assert.Equal(30m, last.NadirSumMm);
                Assert.Equal(26.7m, last.ChangeFromNadirPct);
                Assert.Equal(-24.0m, last.ChangeFromBaselinePct);
                Assert.Equal(MrecistCategory.PD, last.TargetResponse);
                Assert.Equal(MrecistCategory.SD, last.ResponseVsBaseline);
            });
    }

    [Fact]
    public void A_new_lesion_after_the_third_TACE_stays_a_new_lesion()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10").Tace("2024-02-20").Tace("2024-04-01")
            .Ct("2024-05-10", ("l1", 30), ("l9", 12))
            .Course("2024-06-01");

        var a = Assert.Single(course.Assessments);
        Assert.Equal(30m, a.TargetSumMm);
        Assert.True(a.NewIntrahepaticLesion);
        Assert.DoesNotContain(a.Targets, t => t.Lesion == "BodyStructure/l9");
        Assert.Equal(MrecistCategory.SD, a.TargetResponse);
        Assert.Equal(MrecistCategory.PD, a.OverallResponse);
    }

    [Fact]
    public void Ablation_ends_a_course_and_the_next_course_has_its_own_baseline()
    {
        var course = RecordBuilder.For()
            .Ct("2023-06-01", ("l1", 40))
            .Tace("2023-06-10").Tace("2023-07-20")
            .Ct("2023-09-01", ("l1", 35))
            .Therapy("ablation", "2023-10-01")
            .Ct("2023-12-01", ("l1", 20))
            .Tace("2023-12-10").Tace("2024-01-20")
            .Ct("2024-03-01", ("l1", 25))
            .Course("2024-06-01");

        Assert.Equal(2, course.ConsecutiveSessions);
        Assert.Equal(4, course.AllSessions.Count);
        Assert.Equal([1, 1, 2, 2], course.AllSessions.Select(s => s.CourseNumber));
        Assert.Equal(TherapyKind.Ablation, course.StartedAfter!.Kind);
        Assert.Null(course.EndedBy);
        Assert.Equal(new DateOnly(2023, 12, 1), course.Baseline!.Date);
        Assert.Equal(20m, course.Baseline.TargetSumMm);
        var a = Assert.Single(course.Assessments);
        Assert.Equal(25.0m, a.ChangeFromBaselinePct);
        Assert.Equal(MrecistCategory.PD, a.TargetResponse);
    }

    [Fact]
    public void A_therapy_after_the_last_session_ends_the_course_and_later_exams_are_not_assessments()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10").Tace("2024-02-20")
            .Ct("2024-03-20", ("l1", 35))
            .Therapy("haic", "2024-04-01")
            .Ct("2024-05-20", ("l1", 10))
            .Course("2024-06-01");

        Assert.Equal(TherapyKind.Haic, course.EndedBy!.Kind);
        Assert.Equal(2, course.ConsecutiveSessions);
        Assert.Equal([new DateOnly(2024, 3, 20)], course.Assessments.Select(a => a.Date));
    }

    [Fact]
    public void No_imaging_before_the_first_TACE_means_no_baseline_and_no_assessments()
    {
        var issues = new List<DataIssue>();
        var facts = RecordBuilder.For()
            .Tace("2024-01-10").Tace("2024-02-20").Tace("2024-04-01")
            .Ct("2024-05-20", ("l1", 52))
            .Facts("2024-06-01");
        var course = TaceCourseBuilder.Build(facts, issues);

        Assert.Equal(3, course.ConsecutiveSessions);
        Assert.Null(course.Baseline);
        Assert.Empty(course.Assessments);
        Assert.Contains("no contrast CT/MR on or before the first TACE", course.BaselineMissingReason);
        Assert.Contains(issues, i => i.Code == DataIssueCodes.NoBaseline);
    }

    [Fact]
    public void Ultrasound_and_non_contrast_exams_are_not_baselines_or_assessments()
    {
        var builder = RecordBuilder.For()
            .Exam("2024-01-05", "US", ("l1", 40))
            .ExamWith("2024-01-06", "CT", contrast: false, ("l1", 40))
            .Ct("2024-01-02", ("l1", 38))
            .Tace("2024-01-10")
            .Exam("2024-02-20", "US", ("l1", 20))
            .Mr("2024-03-01", ("l1", 30));
        var issues = new List<DataIssue>();
        var course = TaceCourseBuilder.Build(builder.Facts("2024-06-01"), issues);

        Assert.Equal(new DateOnly(2024, 1, 2), course.Baseline!.Date);
        var a = Assert.Single(course.Assessments);
        Assert.Equal("MR", a.Modality);
        Assert.Contains(issues, i => i.Code == DataIssueCodes.ExamNotAssessable && i.Message.Contains("US exam on 2024-02-20"));
    }

    [Fact]
    public void Only_the_two_largest_intrahepatic_lesions_at_baseline_are_targets()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 30), ("l2", 25), ("l3", 20), ("l4", 8))
            .Tace("2024-01-10")
            .Ct("2024-02-20", ("l1", 20), ("l2", 20), ("l3", 20), ("l4", 8))
            .Course("2024-06-01");

        Assert.Equal(["BodyStructure/l1", "BodyStructure/l2"], course.Baseline!.Targets.Select(t => t.Lesion));
        Assert.Equal(55m, course.Baseline.TargetSumMm);
        Assert.Equal(40m, Assert.Single(course.Assessments).TargetSumMm);
    }

    [Fact]
    public void An_exam_missing_a_target_measurement_is_not_an_assessment()
    {
        var issues = new List<DataIssue>();
        var facts = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 30), ("l2", 20))
            .Tace("2024-01-10")
            .Ct("2024-02-20", ("l1", 25))
            .Facts("2024-06-01");
        var course = TaceCourseBuilder.Build(facts, issues);

        Assert.Empty(course.Assessments);
        Assert.Contains(issues, i => i.Code == DataIssueCodes.IncompleteTargetMeasurement && i.Message.Contains("BodyStructure/l2"));
    }

    [Fact]
    public void Undocumented_standardization_is_counted_and_stated()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 30))
            .Tace("2024-01-10", standardized: null).Tace("2024-02-20", standardized: true).Tace("2024-04-01", standardized: false)
            .Course("2024-06-01");

        Assert.Equal(3, course.ConsecutiveSessions);
        Assert.Equal([null, true, false], course.Sessions.Select(s => s.Standardized));
        Assert.Contains(course.Assumptions, a => a.StartsWith("1 of 3 TACE sessions", StringComparison.Ordinal));
    }

    [Fact]
    public void Sessions_and_exams_after_asOf_do_not_exist_yet()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 30))
            .Tace("2024-01-10").Tace("2024-02-20")
            .Ct("2024-03-20", ("l1", 20))
            .Course("2024-02-01");

        Assert.Equal(1, course.ConsecutiveSessions);
        Assert.Empty(course.Assessments);
    }

    [Fact]
    public void Reported_new_lesion_without_a_measurement_still_counts()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 30))
            .Tace("2024-01-10")
            .Ct("2024-02-20", ("l1", 20))
            .Finding("2024-02-20", "CT", "new-intrahepatic-lesion", new FhirBoolean(true))
            .Course("2024-06-01");

        var a = Assert.Single(course.Assessments);
        Assert.True(a.NewIntrahepaticLesion);
        Assert.Equal(MrecistCategory.PR, a.TargetResponse);
        Assert.Equal(MrecistCategory.PD, a.OverallResponse);
        Assert.Single(a.Sources);
    }

    [Fact]
    public void Non_target_CR_with_target_CR_is_CR_and_IR_SD_makes_it_PR()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 30))
            .Tace("2024-01-10")
            .Ct("2024-02-20", ("l1", 0))
            .Finding("2024-02-20", "CT", "nontarget-response", RecordBuilder.Own("CR"))
            .Tace("2024-03-01")
            .Ct("2024-04-20", ("l1", 0))
            .Course("2024-06-01");

        Assert.Collection(course.Assessments,
            a => Assert.Equal(MrecistCategory.CR, a.OverallResponse),
            a => Assert.Equal(MrecistCategory.PR, a.OverallResponse)); // non-target not assessed on the second exam
    }

    [Fact]
    public void A_new_extrahepatic_lesion_is_overall_PD_but_not_in_the_intrahepatic_target_sum()
    {
        var course = RecordBuilder.For()
            .Lesion("lung1", intrahepatic: false)
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10")
            .Ct("2024-02-20", ("l1", 20), ("lung1", 15))
            .Course("2024-06-01");

        var a = Assert.Single(course.Assessments);
        Assert.Equal(20m, a.TargetSumMm);
        Assert.Equal(MrecistCategory.PR, a.TargetResponse);
        Assert.True(a.NewExtrahepaticLesion);
        Assert.False(a.NewIntrahepaticLesion);
        Assert.Equal(MrecistCategory.PD, a.OverallResponse);
    }
}
