using TaceCds.Clinical.Course;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Response;
using TaceCds.Clinical.Tests.Support;

namespace TaceCds.Clinical.Tests.Course;

/// <summary>
/// clinical-reference.md §2: the baseline, every mRECIST assessment and the nadir use contrast CT/MR only; a hybrid
/// PET/CT or PET/MR only with contrast documented; the CCI baseline is at most 28 days (configurable) before the first TACE.
/// </summary>
public class QualifyingImagingTests
{
    [Theory]
    [InlineData("CT", null, null)]
    [InlineData("MR", true, null)]
    [InlineData("CT", false, "CT without contrast")]
    [InlineData("US", null, "ultrasound, not a contrast CT/MR")]
    [InlineData("PT", null, "PET, not a contrast CT/MR")]
    public void Plain_CT_or_MR_qualifies_unless_documented_non_contrast(string modality, bool? contrast, string? reason)
    {
        var exam = RecordBuilder.For().ExamWith("2024-01-02", modality, contrast, ("l1", 30)).Facts("2024-06-01").Exams.Single();
        Assert.Equal(reason, exam.NotQualifyingReason);
        Assert.Equal(reason is null, exam.IsContrastCtOrMr);
    }

    [Theory]
    [InlineData("CT", null, "PET/CT without documented contrast enhancement")]
    [InlineData("CT", false, "PET/CT without documented contrast enhancement")]
    [InlineData("MR", null, "PET/MR without documented contrast enhancement")]
    [InlineData("CT", true, null)]
    [InlineData("MR", true, null)]
    public void A_hybrid_PET_exam_qualifies_only_with_contrast_documented_true(string anatomic, bool? contrast, string? reason)
    {
        var exam = RecordBuilder.For().Hybrid("2024-01-02", anatomic, contrast, ("l1", 30)).Facts("2024-06-01").Exams.Single();
        Assert.Equal(reason, exam.NotQualifyingReason);
    }

    [Fact]
    public void Given_measurements_with_no_ImagingStudy_before_the_first_TACE_then_they_are_not_a_baseline_and_a_data_issue_says_why()
    {
        var (course, issues) = RecordBuilder.For()
            .Ct("2023-12-20", ("l1", 42))
            .WithoutStudy("2024-01-05", ("l1", 50))
            .Tace("2024-01-10")
            .CourseWithIssues("2024-06-01");

        Assert.Equal(new DateOnly(2023, 12, 20), course.Baseline!.Date);
        Assert.Equal(42m, course.Baseline.TargetSumMm);
        Assert.Contains(issues, i => i.Code == DataIssueCodes.BaselineNotQualifying && i.Message.Contains("2024-01-05", StringComparison.Ordinal)
            && i.Message.Contains("no ImagingStudy", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_only_a_PET_CT_without_documented_contrast_before_the_first_TACE_then_there_is_no_baseline()
    {
        var (course, issues) = RecordBuilder.For()
            .Hybrid("2024-01-05", "CT", contrast: null, ("l1", 50))
            .Tace("2024-01-10")
            .Ct("2024-02-20", ("l1", 30))
            .CourseWithIssues("2024-06-01");

        Assert.Null(course.Baseline);
        Assert.Null(course.Cci.Baseline);
        Assert.Contains("no contrast CT/MR on or before the first TACE", course.Cci.BaselineMissing, StringComparison.Ordinal);
        Assert.Contains(issues, i => i.Code == DataIssueCodes.BaselineNotQualifying && i.Message.Contains("PET/CT without documented contrast", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Code == DataIssueCodes.NoBaseline);
    }

    [Fact]
    public void Given_a_PET_MR_with_contrast_documented_then_it_is_an_assessment()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10")
            .Hybrid("2024-02-20", "MR", contrast: true, ("l1", 20))
            .Course("2024-06-01");

        var a = Assert.Single(course.Assessments);
        Assert.Equal("MR", a.Modality);
        Assert.Equal(MrecistCategory.PR, a.TargetResponse);
    }

    [Fact]
    public void Given_a_20_mm_ultrasound_and_an_unknown_exam_after_TACE_then_neither_is_an_assessment_nor_a_nadir()
    {
        // Baseline 40; US 20 (would be nadir 20); no-study 18; CT 30: against nadir 40 (baseline) it is SD, against 20 it would be PD.
        var (course, issues) = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10")
            .Exam("2024-02-10", "US", ("l1", 20))
            .WithoutStudy("2024-02-15", ("l1", 18))
            .Tace("2024-02-20")
            .Ct("2024-04-01", ("l1", 30))
            .CourseWithIssues("2024-06-01");

        var a = Assert.Single(course.Assessments);
        Assert.Equal(40m, a.NadirSumMm);
        Assert.Equal(MrecistCategory.SD, a.TargetResponse);
        Assert.Contains(issues, i => i.Code == DataIssueCodes.ExamNotAssessable && i.Message.Contains("ultrasound", StringComparison.Ordinal)
            && i.Severity == DataIssue.Information);
        Assert.Contains(issues, i => i.Code == DataIssueCodes.ExamNotAssessable && i.Message.Contains("no ImagingStudy", StringComparison.Ordinal)
            && i.Severity == DataIssue.Warning);
    }

    [Fact]
    public void Given_a_PET_CT_without_documented_contrast_after_TACE_then_it_is_not_an_assessment()
    {
        var (course, issues) = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10")
            .Hybrid("2024-02-20", "CT", contrast: null, ("l1", 55))
            .CourseWithIssues("2024-06-01");

        Assert.Empty(course.Assessments);
        Assert.Contains(issues, i => i.Code == DataIssueCodes.ExamNotAssessable && i.Message.Contains("PET/CT without documented contrast", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_baseline_CT_35_days_before_the_first_TACE_then_it_is_the_mRECIST_baseline_but_not_the_CCI_baseline_and_the_age_is_named()
    {
        var (course, issues) = RecordBuilder.For()
            .Ct("2024-01-01", ("l1", 40))
            .Tace("2024-02-05")
            .CourseWithIssues("2024-06-01");

        Assert.Equal(35, course.Baseline!.DaysBeforeFirstSession);
        Assert.Null(course.Cci.Baseline);
        Assert.Equal(28, course.Cci.MaxDaysBeforeFirstSession);
        Assert.Contains("CT on 2024-01-01, is 35 days before it", course.Cci.BaselineMissing, StringComparison.Ordinal);
        Assert.Contains(issues, i => i.Code == DataIssueCodes.BaselineTooOld && i.Message.Contains("35 days", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_baseline_exactly_28_days_before_the_first_TACE_then_it_is_the_CCI_baseline()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-08", ("l1", 40))
            .Tace("2024-02-05")
            .Course("2024-06-01");

        Assert.Equal(28, course.Baseline!.DaysBeforeFirstSession);
        Assert.Same(course.Baseline, course.Cci.Baseline);
    }

    [Fact]
    public void Given_a_35_day_old_baseline_and_a_42_day_limit_configured_then_it_is_the_CCI_baseline()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-01", ("l1", 40))
            .Tace("2024-02-05")
            .Course("2024-06-01", new CourseOptions { CciBaselineMaxDaysBeforeFirstTace = 42 });

        Assert.Equal(42, course.Cci.MaxDaysBeforeFirstSession);
        Assert.NotNull(course.Cci.Baseline);
        Assert.Null(course.Cci.BaselineMissing);
    }

    [Fact]
    public void Given_a_PET_CT_between_the_baseline_and_the_first_TACE_then_it_is_reported_once_as_not_a_baseline()
    {
        // p21's shape: contrast CT 2024-01-02 (41 days before TACE 2024-02-12), PET/CT 2024-02-05 without documented contrast.
        var (course, issues) = RecordBuilder.For()
            .Ct("2024-01-02", ("a", 45), ("b", 35))
            .Hybrid("2024-02-05", "CT", contrast: null, ("a", 50), ("b", 38))
            .Tace("2024-02-12")
            .CourseWithIssues("2024-06-01");

        Assert.Equal(new DateOnly(2024, 1, 2), course.Baseline!.Date);
        Assert.Null(course.Cci.Baseline);
        Assert.Contains("41 days before it", course.Cci.BaselineMissing, StringComparison.Ordinal);
        var pet = Assert.Single(issues, i => i.Resource == "ImagingStudy/study-2024-02-05-PTCT");
        Assert.Equal(DataIssueCodes.BaselineNotQualifying, pet.Code);
        Assert.StartsWith("PET/CT exam on 2024-02-05", pet.Message, StringComparison.Ordinal);
    }
}
