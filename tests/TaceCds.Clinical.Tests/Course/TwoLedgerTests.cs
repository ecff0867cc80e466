using TaceCds.Clinical.Response;
using TaceCds.Clinical.Tests.Support;
using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Tests.Course;

/// <summary>
/// clinical-reference.md §1/§2: the mRECIST targets are chosen at baseline and stay those; the CCI target set is a
/// second ledger (baseline targets + new intrahepatic lesions first seen after TACE 1 and before TACE 3, from 0 mm).
/// </summary>
public class TwoLedgerTests
{
    [Fact]
    public void Given_a_15_mm_new_lesion_after_TACE_2_when_assessed_then_mRECIST_sums_the_baseline_target_only_and_the_CCI_ledger_adds_it_from_0()
    {
        // Baseline l1 40 mm; TACE 2024-01-10, 2024-02-20; CT 2024-03-25: l1 30 + new l9 15; TACE 2024-04-01; CT 2024-05-10: l1 30 + l9 22.
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10").Tace("2024-02-20")
            .Ct("2024-03-25", ("l1", 30), ("l9", 15))
            .Tace("2024-04-01")
            .Ct("2024-05-10", ("l1", 30), ("l9", 22))
            .Course("2024-06-01");

        Assert.Equal(40m, course.Baseline!.TargetSumMm);
        Assert.Collection(course.Assessments,
            appears =>
            {
                Assert.Equal(2, appears.SessionsBefore);
                Assert.Equal(["BodyStructure/l1"], appears.Targets.Select(t => t.Lesion));        // mRECIST: baseline targets only
                Assert.Equal(30m, appears.TargetSumMm);                                           // 30 / 40 = 75 %: SD
                Assert.Equal(MrecistCategory.SD, appears.TargetResponse);
                Assert.True(appears.NewIntrahepaticLesion);
                Assert.Equal(MrecistCategory.PD, appears.OverallResponse);                        // a new lesion is PD
                var cci = appears.Cci!;
                Assert.Equal(45m, cci.TargetSumMm);                                              // 30 + 15 = 112.5 % of 40
                Assert.Equal(112.5m, cci.PercentOfBaseline);
                Assert.Equal(MrecistCategory.SD, appears.ResponseVsBaseline);
                var entered = Assert.Single(cci.NewLesionsInSet);
                Assert.Equal(("BodyStructure/l9", new DateOnly(2024, 3, 25), 2), (entered.Lesion, entered.FirstSeen, entered.AfterSession));
                Assert.Contains(cci.Targets, t => t.Lesion == "BodyStructure/l9" && t.EnteredAsNewLesion && t.DiameterMm == 15m);
            },
            later =>
            {
                Assert.Equal(30m, later.TargetSumMm);
                Assert.Equal(30m, later.NadirSumMm);
                Assert.Equal(-25.0m, later.ChangeFromBaselinePct);
                Assert.Equal(MrecistCategory.SD, later.TargetResponse);
                Assert.True(later.NewIntrahepaticLesion);                                         // l9 still viable: still a new lesion
                Assert.Equal(MrecistCategory.PD, later.OverallResponse);
                Assert.Equal(52m, later.Cci!.TargetSumMm);                                       // 30 + 22 = 130 % of 40
                Assert.Equal(130.0m, later.Cci.PercentOfBaseline);
                Assert.Equal(MrecistCategory.PD, later.ResponseVsBaseline);
            });
    }

    [Fact]
    public void Given_the_p04_story_when_assessed_then_mRECIST_is_A_plus_B_and_the_CCI_ledger_is_A_plus_B_plus_C()
    {
        // samples/README.md p04: baseline A 35 + B 20 = 55; C (15 mm) first seen 2024-05-06 after TACE 2, 38 mm on 2024-07-01.
        var course = RecordBuilder.For()
            .Ct("2024-01-22", ("a", 35), ("b", 20))
            .Tace("2024-01-29")
            .Ct("2024-03-11", ("a", 24), ("b", 14))
            .Tace("2024-03-25")
            .Ct("2024-05-06", ("a", 22), ("b", 12), ("c", 15))
            .Tace("2024-05-20")
            .Ct("2024-07-01", ("a", 20), ("b", 10), ("c", 38))
            .Course("2025-06-01");

        Assert.Equal([38m, 34m, 30m], course.Assessments.Select(a => a.TargetSumMm));
        Assert.Equal([MrecistCategory.PR, MrecistCategory.PR, MrecistCategory.PR], course.Assessments.Select(a => a.TargetResponse));
        Assert.Equal([MrecistCategory.PR, MrecistCategory.PD, MrecistCategory.PD], course.Assessments.Select(a => a.OverallResponse));
        Assert.Equal(-45.5m, course.Assessments[2].ChangeFromBaselinePct);                        // 30 / 55 = 54.5 %
        Assert.Equal([38m, 49m, 68m], course.Assessments.Select(a => a.Cci!.TargetSumMm));
        Assert.Equal(123.6m, course.Assessments[2].Cci!.PercentOfBaseline);                       // 68 / 55
    }

    [Fact]
    public void Given_an_8_mm_focus_after_TACE_1_confirmed_at_14_mm_after_TACE_2_then_it_is_a_new_lesion_from_the_confirmation_and_enters_the_CCI_set()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10")
            .Ct("2024-02-20", ("l1", 30), ("l9", 8))      // equivocal
            .Tace("2024-03-01")
            .Ct("2024-04-10", ("l1", 30), ("l9", 14))     // confirmed on follow-up
            .Tace("2024-04-20")
            .Course("2024-06-01");

        Assert.Collection(course.Assessments,
            equivocal =>
            {
                Assert.False(equivocal.NewIntrahepaticLesion);
                Assert.Equal(MrecistCategory.SD, equivocal.OverallResponse);
                Assert.Empty(equivocal.Cci!.NewLesionsInSet);
                Assert.Equal(30m, equivocal.Cci.TargetSumMm);
                Assert.Contains(equivocal.Notes, n => n.Contains("equivocal", StringComparison.Ordinal));
            },
            confirmed =>
            {
                Assert.True(confirmed.NewIntrahepaticLesion);
                Assert.Equal(MrecistCategory.PD, confirmed.OverallResponse);
                var entered = Assert.Single(confirmed.Cci!.NewLesionsInSet);
                Assert.Equal(new DateOnly(2024, 2, 20), entered.FirstSeen);
                Assert.Equal(1, entered.AfterSession);
                Assert.Equal(new DateOnly(2024, 4, 10), entered.ConfirmedOn);
                Assert.Equal(44m, confirmed.Cci.TargetSumMm);                                  // 30 + 14 = 110 % of 40
                Assert.Equal(30m, confirmed.TargetSumMm);
            });
    }

    [Fact]
    public void Given_an_equivocal_8_mm_focus_never_confirmed_then_it_stays_out_of_both_ledgers()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10").Tace("2024-02-20")
            .Ct("2024-03-25", ("l1", 42), ("l9", 8))
            .Tace("2024-04-01")
            .Ct("2024-05-10", ("l1", 45), ("l9", 9))
            .Course("2024-06-01");

        var last = course.Assessments[^1];
        Assert.False(last.NewIntrahepaticLesion);
        Assert.Equal(45m, last.Cci!.TargetSumMm);                                                // 112.5 %: l9 not added
        Assert.Empty(last.Cci.NewLesionsInSet);
        Assert.Equal(MrecistCategory.SD, last.ResponseVsBaseline);
    }

    [Fact]
    public void Given_a_22_mm_new_lesion_first_seen_after_TACE_3_then_overall_PD_with_a_restage_note_and_the_CCI_ledger_leaves_it_out()
    {
        // Baseline 40; 3 sessions; CT 2024-05-10: l1 44 (110 %) + new l9 22 → mRECIST overall PD, CCI sum 44 (not 66).
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10").Tace("2024-02-20").Tace("2024-04-01")
            .Ct("2024-05-10", ("l1", 44), ("l9", 22))
            .Course("2024-06-01");

        var a = Assert.Single(course.Assessments);
        Assert.Equal(3, a.SessionsBefore);
        Assert.True(a.NewIntrahepaticLesion);
        Assert.Equal(MrecistCategory.PD, a.OverallResponse);
        Assert.Equal(44m, a.Cci!.TargetSumMm);
        Assert.Equal(110.0m, a.Cci.PercentOfBaseline);
        Assert.Empty(a.Cci.NewLesionsInSet);
        Assert.Equal(MrecistCategory.SD, a.ResponseVsBaseline);
        Assert.Contains(a.Notes, n => n.Contains("BodyStructure/l9", StringComparison.Ordinal) && n.Contains("restage", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_new_lesion_reported_after_TACE_3_without_a_measurement_then_overall_PD_and_restage()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10").Tace("2024-02-20").Tace("2024-04-01")
            .Ct("2024-05-10", ("l1", 30))
            .Finding("2024-05-10", "CT", "new-intrahepatic-lesion", new FhirBoolean(true))
            .Course("2024-06-01");

        var a = Assert.Single(course.Assessments);
        Assert.Equal(MrecistCategory.PD, a.OverallResponse);
        Assert.Equal(30m, a.Cci!.TargetSumMm);
        Assert.Contains(a.Notes, n => n.Contains("restage", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_CCI_set_lesion_not_measured_at_a_later_exam_then_the_CCI_sum_is_unknown_but_the_mRECIST_assessment_stands()
    {
        var (course, issues) = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10")
            .Ct("2024-02-20", ("l1", 30), ("l9", 15))
            .Tace("2024-03-01").Tace("2024-04-10")
            .Ct("2024-05-20", ("l1", 30))
            .CourseWithIssues("2024-06-01");

        var last = course.Assessments[^1];
        Assert.Equal(30m, last.TargetSumMm);
        Assert.Null(last.Cci);
        Assert.Null(last.ResponseVsBaseline);
        Assert.Contains(issues, i => i.Code == "incomplete-target-measurement" && i.Message.Contains("CCI target set", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_new_lesion_reported_after_TACE_1_without_a_diameter_then_overall_PD_and_the_CCI_sum_keeps_the_baseline_targets_with_a_note()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 40))
            .Tace("2024-01-10")
            .Ct("2024-02-20", ("l1", 30))
            .Finding("2024-02-20", "CT", "new-intrahepatic-lesion", new FhirBoolean(true))
            .Course("2024-06-01");

        var a = Assert.Single(course.Assessments);
        Assert.Equal(MrecistCategory.PD, a.OverallResponse);
        Assert.Equal(30m, a.Cci!.TargetSumMm);
        Assert.Empty(a.Cci.NewLesionsInSet);
        Assert.Contains(a.Notes, n => n.Contains("cannot enter the CCI target set until its viable diameter is measured", StringComparison.Ordinal));
    }
}
