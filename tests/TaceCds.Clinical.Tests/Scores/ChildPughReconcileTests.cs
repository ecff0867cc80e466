using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Tests.Scores;

public class ChildPughReconcileTests
{
    private static readonly ChildPughResult ComputedSix = ChildPugh.Compute(34m, 40m, 1.1m, Ascites.None, HepaticEncephalopathy.None);
    private static readonly ChildPughResult AlbuminMissing = ChildPugh.Compute(20m, null, 1.1m, Ascites.None, HepaticEncephalopathy.None);
    private static readonly ChildPughResult AtLeastEleven = ChildPugh.Compute(60m, 25m, 2.5m, null, null);

    [Theory]
    [InlineData(null)]
    [InlineData(6)]
    public void Complete_components_are_used_and_agreeing_or_absent_reports_raise_nothing(int? reported)
    {
        var used = ChildPugh.Reconcile(ComputedSix, reported);

        Assert.Equal(6, used.Points);
        Assert.Equal(ChildPughClass.A, used.Class);
        Assert.Equal(ChildPughSource.Computed, used.Source);
        Assert.False(used.HasDisagreement);
        Assert.Empty(used.Missing);
    }

    [Fact]
    public void A_reported_score_that_disagrees_with_the_components_is_shown_and_the_computed_one_used()
    {
        var used = ChildPugh.Reconcile(ComputedSix, 8);

        Assert.Equal(6, used.Points);
        Assert.Equal(ChildPughClass.A, used.Class);
        Assert.Equal(ChildPughSource.Computed, used.Source);
        Assert.True(used.HasDisagreement);
        Assert.Equal(
            "Reported Child-Pugh score 8 differs from the score computed from its components (6); the computed score is used.",
            used.Disagreement);
    }

    [Fact]
    public void Incomplete_components_fall_back_to_the_reported_score()
    {
        var used = ChildPugh.Reconcile(AlbuminMissing, 7);

        Assert.Equal(7, used.Points);
        Assert.Equal(ChildPughClass.B, used.Class);
        Assert.Equal(ChildPughSource.Reported, used.Source);
        Assert.False(used.HasDisagreement); // 7 is within the 5–7 the known components allow
    }

    [Fact]
    public void A_reported_score_impossible_given_the_known_components_is_flagged()
    {
        var used = ChildPugh.Reconcile(AtLeastEleven, 7);

        Assert.Equal(7, used.Points);
        Assert.Equal(ChildPughSource.Reported, used.Source);
        Assert.True(used.HasDisagreement);
        Assert.Contains("(11–15)", used.Disagreement);
    }

    [Fact]
    public void Without_computation_the_reported_score_is_used()
    {
        var used = ChildPugh.Reconcile(null, 9);

        Assert.Equal(9, used.Points);
        Assert.Equal(ChildPughClass.B, used.Class);
        Assert.Equal(ChildPughSource.Reported, used.Source);
    }

    [Fact]
    public void Nothing_usable_lists_the_components_and_the_reported_score_as_missing()
    {
        var used = ChildPugh.Reconcile(null, null);

        Assert.False(used.IsComputable);
        Assert.Null(used.Points);
        Assert.Null(used.Class);
        Assert.Null(used.Source);
        Assert.Equal(new[] { "bilirubin", "albumin", "inr", "ascites", "encephalopathy", "reportedChildPughScore" }, used.Missing);
    }

    [Fact]
    public void A_class_decided_by_known_components_survives_without_a_score()
    {
        var used = ChildPugh.Reconcile(AtLeastEleven, null);

        Assert.Null(used.Points);
        Assert.Equal(ChildPughClass.C, used.Class);
        Assert.Equal(ChildPughSource.Computed, used.Source);
        Assert.Equal(new[] { "ascites", "encephalopathy", "reportedChildPughScore" }, used.Missing);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void An_impossible_reported_score_is_a_problem_and_not_used(int reported)
    {
        var used = ChildPugh.Reconcile(AlbuminMissing, reported);

        Assert.Null(used.Points);
        var problem = Assert.Single(used.Problems);
        Assert.Equal(CalculatorErrorCodes.OutOfRange, problem.Code);
        Assert.Equal("reportedChildPughScore", problem.Input);
        Assert.Equal(new[] { "albumin", "reportedChildPughScore" }, used.Missing);
    }
}
