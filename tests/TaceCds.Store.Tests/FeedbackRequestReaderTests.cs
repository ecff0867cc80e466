using System.Text.Json;
using TaceCds.Store.Feedback;
using TaceCds.Store.Records;

namespace TaceCds.Store.Tests;

/// <summary>The feedback POST body (CDS Hooks 2.0.1 §Feedback), including the spec's three examples.</summary>
public sealed class FeedbackRequestReaderTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<FeedbackRecord> Read(string json) =>
        FeedbackRequestReader.Read(JsonDocument.Parse(json).RootElement, "tace", "https://ehr.example.org/", Received);

    [Fact]
    public void Reads_the_spec_examples()
    {
        var accepted = Assert.Single(Read("""
            {"feedback":[{"card":"4e0a3a1e-3283-4575-ab82-028d55fe2719","outcome":"accepted",
              "acceptedSuggestions":[{"id":"e56e1945-20b3-4393-8503-a1a20fd73152"}],"outcomeTimestamp":"2021-12-11T10:05:31Z"}]}
            """));
        Assert.Equal(FeedbackOutcome.Accepted, accepted.Outcome);
        Assert.Equal(["e56e1945-20b3-4393-8503-a1a20fd73152"], accepted.AcceptedSuggestions);
        Assert.Equal(new DateTimeOffset(2021, 12, 11, 10, 5, 31, TimeSpan.Zero), accepted.OutcomeTimestamp);
        Assert.Equal(("tace", "https://ehr.example.org/", Received), (accepted.ServiceId, accepted.ClientIssuer, accepted.ReceivedAt));

        var bare = Assert.Single(Read("""{"feedback":[{"card":"f6b95768-b1c8-40dc-8385-bf3504b82ffb","outcome":"overridden","outcomeTimestamp":"2020-12-11T00:00:00Z"}]}"""));
        Assert.Null(bare.OverrideReason);

        var reasoned = Assert.Single(Read("""
            {"feedback":[{"card":"9368d37b-283f-44a0-93ea-547cebab93ed","outcome":"overridden",
              "overrideReason":{"reason":{"code":"d7ecf885","system":"https://example.com/cds-hooks/override-reason-system"},
                                "userComment":"A comment entered by the clinician."},
              "outcomeTimestamp":"2020-12-11T00:00:00Z"}]}
            """));
        Assert.Equal(new OverrideReason(new Coding("https://example.com/cds-hooks/override-reason-system", "d7ecf885", null), "A comment entered by the clinician."),
            reasoned.OverrideReason);
    }

    [Fact]
    public void Offsets_and_long_fractions_become_the_same_utc_instant()
    {
        var list = Read("""
            {"feedback":[{"card":"a","outcome":"overridden","outcomeTimestamp":"2020-12-11T01:00:00.123456789+01:00"},
                         {"card":"a","outcome":"overridden","outcomeTimestamp":"2020-12-11T00:00:00.1234567Z"}]}
            """);
        Assert.Equal(list[0].OutcomeTimestamp, list[1].OutcomeTimestamp);
        Assert.Equal(TimeSpan.Zero, list[0].OutcomeTimestamp.Offset);
    }

    [Theory]
    [InlineData("""[]""", "FB101", "$")]
    [InlineData("""{"feedback":[]}""", "FB101", "feedback")]
    [InlineData("""{"feedback":[1]}""", "FB101", "feedback[0]")]
    [InlineData("""{"feedback":[{"outcome":"overridden","outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", "FB102", "feedback[0].card")]
    [InlineData("""{"feedback":[{"card":"a","outcome":"ignored","outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", "FB103", "feedback[0].outcome")]
    [InlineData("""{"feedback":[{"card":"a","outcome":"overridden","outcomeTimestamp":"2020-12-11"}]}""", "FB104", "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[{"card":"a","outcome":"overridden","outcomeTimestamp":"2020-13-41T00:00:00Z"}]}""", "FB104", "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[{"card":"a","outcome":"accepted","outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", "FB105", "feedback[0].acceptedSuggestions")]
    [InlineData("""{"feedback":[{"card":"a","outcome":"accepted","acceptedSuggestions":[{"x":1}],"outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", "FB105", "feedback[0].acceptedSuggestions[0].id")]
    [InlineData("""{"feedback":[{"card":"a","outcome":"overridden","overrideReason":{},"outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", "FB106", "feedback[0].overrideReason")]
    [InlineData("""{"feedback":[{"card":"a","outcome":"overridden","overrideReason":{"reason":{"system":"s"}},"outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", "FB106", "feedback[0].overrideReason.reason.code")]
    [InlineData("""{"feedback":[{"card":"a","outcome":"accepted","acceptedSuggestions":[{"id":"s"}],"overrideReason":{"userComment":"x"},"outcomeTimestamp":"2020-12-11T00:00:00Z"}]}""", "FB106", "feedback[0].overrideReason")]
    public void Refuses_the_whole_batch_with_code_and_location(string json, string code, string location)
    {
        var e = Assert.Throws<FeedbackException>(() => Read(json));
        Assert.Equal((code, location), (e.Code, e.Location));
    }

    [Fact]
    public void Bounds_the_batch_size()
    {
        var entries = string.Join(",", Enumerable.Range(0, FeedbackRequestReader.MaxEntries + 1)
            .Select(i => $$"""{"card":"c{{i}}","outcome":"overridden","outcomeTimestamp":"2020-12-11T00:00:00Z"}"""));
        Assert.Equal("FB101", Assert.Throws<FeedbackException>(() => Read($$"""{"feedback":[{{entries}}]}""")).Code);
    }
}
