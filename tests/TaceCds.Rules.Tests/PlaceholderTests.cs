using System.Text.Json.Nodes;

namespace TaceCds.Rules.Tests;

public class PlaceholderTests
{
    private static JsonObject Card(string summary, string detail, string course)
    {
        var rules = RulesFixture.LoadText(RulesFixture.Header + $$"""
            define:
              note: "%course.note"
              value: "%course.value"
            cards:
              - id: c
                when: "true"
                indicator: info
                summary: "{{summary}}"
                detail: "{{detail}}"
            """);
        var results = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts($$"""{ "course": {{course}} }"""));
        return Assert.Single(results.Cards)!.AsObject();
    }

    [Fact]
    public void Markdown_values_are_escaped_in_detail_but_not_in_summary()
    {
        var card = Card("Note: {{note}}", "Note: {{note}}", """{ "note": "<script>alert(1)</script> *bold* [x](y) a_b" }""");
        Assert.Equal("Note: <script>alert(1)</script> *bold* [x](y) a_b", (string?)card["summary"]);
        Assert.StartsWith("Note: &lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[x\\](y) a\\_b", (string?)card["detail"]);
    }

    [Fact]
    public void Formats_and_empty_values()
    {
        var card = Card("{{value | percent}} / {{value | 0.00}} / {{value}} / {{%course.absent}}", "x", """{ "value": 0.10531 }""");
        Assert.Equal("10.5 % / 0.11 / 0.105 / n/a", (string?)card["summary"]);
    }

    [Fact]
    public void Collections_are_joined_and_booleans_read_yes_no()
    {
        var card = Card("{{%course.dates}} {{%course.flag}}", "x", """{ "dates": ["2024-01-01", "2024-02-01"], "flag": true }""");
        Assert.Equal("2024-01-01, 2024-02-01 yes", (string?)card["summary"]);
    }

    [Fact]
    public void Dates_from_date_arithmetic_render_as_iso_dates()
    {
        var card = Card("{{%course.d.toDate() + 1 month}}", "x", """{ "d": "2024-01-31" }""");
        Assert.Equal("2024-02-29", (string?)card["summary"]);
    }

    [Fact]
    public void A_rendered_summary_over_139_characters_is_shortened_with_RULE203()
    {
        var rules = RulesFixture.LoadText(RulesFixture.Header + """
            cards:
              - id: c
                when: "true"
                indicator: info
                summary: "{{%course.note}}"
            """);
        var results = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts($$"""{ "course": { "note": "{{new string('z', 200)}}" } }"""));
        var summary = (string)results.Cards[0]!["summary"]!;
        Assert.Equal(139, summary.Length);
        Assert.EndsWith("…", summary);
        Assert.Contains(results.Issues, i => i.Code == "RULE203");
    }
}
