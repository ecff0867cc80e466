using System.Text.Json.Nodes;

namespace TaceCds.Rules.Tests;

public class ThreeValuedLogicTests
{
    private static string Pack(string combine) => RulesFixture.Header + $$$"""
        define:
          sum: "%course.baseline.targetSumMm"
        definition:
          combine: {{{combine}}}
          criteria:
            - id: has-baseline
              title: Baseline present
              requires: "%sum"
              missing: "the baseline sum"
              met: "baseline {{sum}} mm"
            - id: big
              title: Sum above 50
              when: "%sum > 50"
              met: "sum {{sum}} > 50"
              not-met: "sum {{sum}} <= 50"
              missing: "the sum"
            - id: flag
              title: Flag set
              when: "%course.flag"
              met: "flag set"
              not-met: "flag not set"
              missing: "the flag"
        """;

    private static JsonObject Definition(string combine, string course, bool withRequires = true)
    {
        var pack = Pack(combine);
        if (!withRequires)
            pack = pack.Replace("    - id: has-baseline\n      title: Baseline present\n      requires: \"%sum\"\n      missing: \"the baseline sum\"\n      met: \"baseline {{sum}} mm\"\n", "");
        var rules = RulesFixture.LoadText(pack);
        var results = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts($$"""{ "course": {{course}} }"""));
        return results.Definitions["test-pack"]!.AsObject();
    }

    [Fact]
    public void All_true_is_met_with_every_reason()
    {
        var d = Definition("all", """{ "baseline": { "targetSumMm": 80 }, "flag": true }""");
        Assert.Equal("met", (string?)d["status"]);
        Assert.Equal(["baseline 80 mm", "sum 80 > 50", "flag set"], d["reasons"]!.AsArray().Select(n => (string?)n));
        Assert.Null(d["missing"]);
    }

    [Fact]
    public void Missing_input_is_insufficient_data_never_not_met()
    {
        var d = Definition("all", """{ "flag": true }""");
        Assert.Equal("insufficient-data", (string?)d["status"]);
        Assert.Contains("the baseline sum", d["missing"]!.AsArray().Select(n => (string?)n));
        Assert.Contains("course.baseline", d["missingData"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("insufficient-data", (string?)d["criteria"]!["big"]!["status"]);
    }

    [Fact]
    public void False_decides_over_unknown_under_all()
    {
        var d = Definition("all", """{ "flag": false }""");
        Assert.Equal("not-met", (string?)d["status"]);
        Assert.Equal(["flag not set"], d["reasons"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void False_criterion_gives_not_met()
    {
        var d = Definition("all", """{ "baseline": { "targetSumMm": 40 }, "flag": true }""");
        Assert.Equal("not-met", (string?)d["status"]);
        Assert.Equal("not-met", (string?)d["criteria"]!["big"]!["status"]);
        Assert.Equal("met", (string?)d["criteria"]!["flag"]!["status"]);
    }

    [Fact]
    public void True_decides_over_unknown_under_any()
    {
        var d = Definition("any", """{ "flag": true }""");
        Assert.Equal("met", (string?)d["status"]);
        Assert.Equal(["flag set"], d["reasons"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Unknown_and_false_under_any_is_insufficient()
    {
        var d = Definition("any", """{ "flag": false }""");
        Assert.Equal("insufficient-data", (string?)d["status"]);
    }

    [Fact]
    public void All_false_under_any_is_not_met()
    {
        var d = Definition("any", """{ "baseline": { "targetSumMm": 0 }, "flag": false }""", withRequires: false);
        Assert.Equal("not-met", (string?)d["status"]);
        Assert.Equal(2, d["criteria"]!.AsObject().Count);
    }

    [Fact]
    public void A_non_boolean_condition_is_a_RULE202_issue_and_unknown()
    {
        var rules = RulesFixture.LoadText(RulesFixture.Header + """
            definition:
              criteria:
                - id: x
                  title: X
                  when: "%course.name"
            """);
        var results = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts("""{ "course": { "name": "text" } }"""));
        Assert.Equal("insufficient-data", (string?)results.Definitions["test-pack"]!["status"]);
        Assert.Contains(results.Issues, i => i.Code == "RULE202");
    }

    [Fact]
    public void Applicability_false_is_not_met_and_says_not_applicable()
    {
        var rules = RulesFixture.LoadText(Pack("all").Replace("define:", "applicability:\n  text: Only with sessions\n  when: \"%course.sessions.exists()\"\ndefine:"));
        var d = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts("""{ "course": { "flag": true } }""")).Definitions["test-pack"]!;
        Assert.Equal("not-met", (string?)d["status"]);
        Assert.False((bool)d["applicable"]!);
        Assert.StartsWith("Not applicable: Only with sessions", (string?)d["reasons"]![0]);
    }
}
