using TaceCds.Store.Records;

namespace TaceCds.Store.Tests;

/// <summary>Issue 15: several audited calls for the same patient and one override count one override.</summary>
public abstract partial class CdsStoreContract
{
    [Fact]
    public async Task Six_calls_for_one_patient_each_with_its_own_card_uuid_and_one_override_count_overridden_1()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 6; i++)
            await store.RecordHookCallAsync(Call("tace-course-review", T0.AddMinutes(i), Card($"cci-call-{i}", "cci-2022"), Card($"summary-call-{i}", "tace-course-summary")));
        await store.SaveFeedbackAsync([Overridden("cci-call-3", T0.AddMinutes(10), "tumor-board-decision")]);

        var summary = await store.SummarizeAsync(new AuditQuery());
        var cci = summary.Rules.Single(r => r.RuleId == "cci-2022");
        Assert.Equal((6, 0, 1), (cci.CardsShown, cci.Accepted, cci.Overridden));
        Assert.Equal(["tumor-board-decision:1"], cci.OverrideReasons.Select(r => $"{r.Reason!.Code}:{r.Count}"));
        var other = summary.Rules.Single(r => r.RuleId == "tace-course-summary");
        Assert.Equal((6, 0, 0), (other.CardsShown, other.Accepted, other.Overridden));
        Assert.Empty(other.OverrideReasons);
    }

    [Fact]
    public async Task A_card_uuid_repeated_by_six_calls_before_issue_15_still_counts_its_one_override_once()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 6; i++) await store.RecordHookCallAsync(Call("tace-course-review", T0.AddMinutes(i), Card("stable-cci-uuid", "cci-2022")));
        await store.SaveFeedbackAsync([Overridden("stable-cci-uuid", T0.AddMinutes(10), "tumor-board-decision")]);

        var cci = Assert.Single((await store.SummarizeAsync(new AuditQuery())).Rules);
        Assert.Equal((6, 1), (cci.CardsShown, cci.Overridden));
        Assert.Equal(["tumor-board-decision:1"], cci.OverrideReasons.Select(r => $"{r.Reason!.Code}:{r.Count}"));
    }
}
