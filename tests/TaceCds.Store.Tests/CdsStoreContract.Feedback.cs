using TaceCds.Store.Records;

namespace TaceCds.Store.Tests;

public abstract partial class CdsStoreContract
{
    [Fact]
    public async Task Feedback_is_idempotent_on_card_outcome_and_timestamp()
    {
        var store = await OpenAsync();
        var first = await store.SaveFeedbackAsync([Overridden("c-1", T0, "d7ecf885", "patient declined"), Accepted("c-2", T0, "s-1", "s-2")]);
        Assert.Equal(new FeedbackBatchResult(2, 0), first);

        // The same batch again (client retry), and a batch repeating an entry within itself.
        Assert.Equal(new FeedbackBatchResult(0, 2), await store.SaveFeedbackAsync([Overridden("c-1", T0, "d7ecf885"), Accepted("c-2", T0)]));
        Assert.Equal(new FeedbackBatchResult(1, 1), await store.SaveFeedbackAsync([Overridden("c-3", T0), Overridden("c-3", T0)]));
        // Same card, a later outcome is a new interaction.
        Assert.Equal(new FeedbackBatchResult(1, 0), await store.SaveFeedbackAsync([Overridden("c-1", T0.AddMinutes(1))]));

        var listed = await store.ListFeedbackAsync(new AuditQuery());
        Assert.Equal(4, listed.Count);
        var overridden = listed.Single(f => f.CardUuid == "c-1" && f.OutcomeTimestamp == T0);
        Assert.Equal(Overridden("c-1", T0, "d7ecf885", "patient declined") with { AcceptedSuggestions = overridden.AcceptedSuggestions }, overridden);
        Assert.Empty(overridden.AcceptedSuggestions);
        var accepted = listed.Single(f => f.CardUuid == "c-2");
        Assert.Equal(["s-1", "s-2"], accepted.AcceptedSuggestions);
        Assert.Null(accepted.OverrideReason);
        Assert.Null(listed.Single(f => f.CardUuid == "c-3").OverrideReason);
    }

    [Fact]
    public async Task A_comment_without_a_coded_reason_is_kept()
    {
        var store = await OpenAsync();
        await store.SaveFeedbackAsync([Overridden("c-1", T0, code: null, comment: "discussed at tumour board")]);
        var f = Assert.Single(await store.ListFeedbackAsync(new AuditQuery()));
        Assert.Equal(new OverrideReason(null, "discussed at tumour board"), f.OverrideReason);
    }

    [Fact]
    public async Task Concurrent_feedback_posts_store_each_entry_once()
    {
        var store = await OpenAsync();
        var other = await OpenAsync(); // a second instance on the same database
        var tasks = Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? store : other).SaveFeedbackAsync([Overridden($"c-{i % 20}", T0), Accepted($"a-{i}", T0)]));
        var results = await Task.WhenAll(tasks);
        Assert.Equal(60, results.Sum(r => r.Stored));
        Assert.Equal(20, results.Sum(r => r.Duplicates));
        Assert.Equal(60, (await store.ListFeedbackAsync(new AuditQuery { Limit = 1000 })).Count);
    }

    [Fact]
    public async Task The_summary_counts_per_rule_what_was_shown_accepted_overridden_and_why()
    {
        var store = await OpenAsync();
        await store.RecordHookCallAsync(Call("tace-eligibility", T0, Card("cci-1", "cci"), Card("albi-1", "albi")));
        await store.RecordHookCallAsync(Call("tace-eligibility", T0.AddHours(1), Card("cci-2", "cci"), Card("albi-2", "albi")));
        await store.RecordHookCallAsync(Call("tace-eligibility", T0.AddHours(2), Card("cci-3", "cci")));
        await store.RecordHookCallAsync(Call("other-service", T0.AddHours(3), Card("cci-4", "cci", "2.0.0")));
        await store.SaveFeedbackAsync(
        [
            Overridden("cci-1", T0.AddMinutes(5), "not-applicable"),
            Overridden("cci-1", T0.AddMinutes(6), "not-applicable"), // the same card overridden twice: one card
            Overridden("cci-2", T0.AddHours(1).AddMinutes(5), "patient-preference"),
            Overridden("cci-3", T0.AddHours(2).AddMinutes(5), "not-applicable"),
            Overridden("cci-4", T0.AddHours(3).AddMinutes(5)),
            Accepted("albi-1", T0.AddMinutes(5), "s-1"),
            Overridden("ghost-card", T0.AddMinutes(9), "not-applicable"),
        ]);

        var summary = await store.SummarizeAsync(new AuditQuery());
        Assert.Equal(["albi 1.0.0", "cci 1.0.0", "cci 2.0.0"], summary.Rules.Select(r => $"{r.RuleId} {r.RuleVersion}"));
        var cci = summary.Rules[1];
        Assert.Equal((3, 0, 3), (cci.CardsShown, cci.Accepted, cci.Overridden));
        Assert.Equal(["not-applicable:3", "patient-preference:1"], cci.OverrideReasons.Select(r => $"{r.Reason!.Code}:{r.Count}"));
        Assert.Equal("not-applicable display", cci.OverrideReasons[0].Reason!.Display);
        var albi = summary.Rules[0];
        Assert.Equal((2, 1, 0), (albi.CardsShown, albi.Accepted, albi.Overridden));
        var cci2 = summary.Rules[2];
        Assert.Equal((1, 0, 1), (cci2.CardsShown, cci2.Accepted, cci2.Overridden));
        Assert.Null(Assert.Single(cci2.OverrideReasons).Reason);
        Assert.Equal(1, summary.FeedbackForUnknownCards);

        var filtered = await store.SummarizeAsync(new AuditQuery { ServiceId = "tace-eligibility", Since = T0.AddMinutes(30) });
        var cciLater = filtered.Rules.Single(r => r.RuleId == "cci");
        Assert.Equal((2, 2), (cciLater.CardsShown, cciLater.Overridden));
        Assert.Equal(["not-applicable:1", "patient-preference:1"], cciLater.OverrideReasons.Select(r => $"{r.Reason!.Code}:{r.Count}"));
        Assert.Equal(0, filtered.FeedbackForUnknownCards); // the ghost feedback is before Since
    }

    [Fact]
    public async Task Audit_and_feedback_survive_reopening()
    {
        var store = await OpenAsync();
        await store.RecordHookCallAsync(Call("tace-eligibility", T0, Card("cci-1", "cci")));
        await store.SaveFeedbackAsync([Overridden("cci-1", T0.AddMinutes(1), "not-applicable")]);
        await store.DisposeAsync();

        var reopened = await OpenAsync();
        Assert.Equal("cci-1", Assert.Single(Assert.Single(await reopened.ListHookCallsAsync(new AuditQuery())).Cards).Uuid);
        Assert.Equal("not-applicable", Assert.Single(await reopened.ListFeedbackAsync(new AuditQuery())).OverrideReason!.Reason!.Code);
    }
}

public abstract partial class CdsStoreContract
{
    [Fact]
    public async Task A_batch_of_hook_calls_is_stored_whole()
    {
        var store = await OpenAsync();
        await store.RecordHookCallsAsync([Call("s", T0, Card("a", "cci")), Call("s", T0.AddMinutes(1)), Call("s", T0.AddMinutes(2), Card("b", "albi"), Card("c", "cci"))]);
        var calls = await store.ListHookCallsAsync(new AuditQuery());
        Assert.Equal([2, 0, 1], calls.Select(c => c.Cards.Count));
        Assert.Equal(2, (await store.SummarizeAsync(new AuditQuery())).Rules.Single(r => r.RuleId == "cci").CardsShown);
    }
}
