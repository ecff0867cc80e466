using System.Text.Json.Nodes;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Testing;

namespace TaceCds.Rules.Tests;

/// <summary>Packs that read other packs' conclusions (<c>uses:</c>): order, load errors, three-valued logic across packs.</summary>
public class PackDependencyTests
{
    private static string Pack(string id, string body) => $$"""
        id: {{id}}
        version: 1.0.0
        title: Pack {{id}}
        citation: { text: "A test citation", url: "https://example.org/cite" }
        evidence: secondary
        {{body}}
        """;

    // A base definition: met when %course.flag is true, not met when false, insufficient data when absent.
    private static readonly string Base = Pack("base", """
        definition:
          criteria:
            - id: flag
              title: Flag set
              requires: "%course.flag"
              missing: "the flag of the course"
              when: "%course.flag"
              met: "flag set"
              not-met: "flag not set"
        """);

    // Reads the base pack's conclusion three-valued through .met.
    private static readonly string Reader = Pack("reader", """
        uses: [base]
        definition:
          criteria:
            - id: base-met
              title: Base definition met
              requires: "%definitions.`base`.met"
              missing: "base: {{%definitions.`base`.missing.join('; ')}}"
              when: "%definitions.`base`.met"
              met: "base met ({{%definitions.`base`.criteria.flag.reason}})"
              not-met: "base not met"
        """);

    private static JsonObject Evaluate(RuleSet rules, string course) =>
        RulesFixture.Evaluate(rules, RulesFixture.InlineFacts($$"""{ "course": {{course}} }""")).Definitions;

    [Fact]
    public void A_pack_is_evaluated_after_the_pack_it_uses_even_when_its_file_comes_first()
    {
        // "a-reader.yaml" sorts before "z-base.yaml": the file order alone would evaluate the reader first.
        var rules = RulePackLoader.Load([("a-reader.yaml", Reader), ("z-base.yaml", Base)]);
        Assert.Equal(["base", "reader"], rules.Packs.Select(p => p.Id));
        var definitions = Evaluate(rules, """{ "flag": true }""");
        Assert.Equal("met", (string?)definitions["reader"]!["status"]);
        Assert.Equal("base met (flag set)", (string?)definitions["reader"]!["reasons"]![0]);
    }

    [Fact]
    public void Packs_without_dependencies_keep_their_file_order()
    {
        var rules = RulePackLoader.Load([("b.yaml", Pack("b", "cards: [ { id: c, when: \"true\", indicator: info, summary: B } ]")),
            ("c.yaml", Reader), ("d.yaml", Base), ("e.yaml", Pack("e", "cards: [ { id: c, when: \"true\", indicator: info, summary: E } ]"))]);
        Assert.Equal(["b", "base", "reader", "e"], rules.Packs.Select(p => p.Id));
    }

    [Theory]
    [InlineData("""{ "flag": true }""", "met")]
    [InlineData("""{ "flag": false }""", "not-met")]
    [InlineData("""{ }""", "insufficient-data")]
    public void A_used_definition_keeps_its_three_values_in_the_pack_that_reads_it(string course, string expected)
    {
        var rules = RulePackLoader.Load([("base.yaml", Base), ("reader.yaml", Reader)]);
        var definitions = Evaluate(rules, course);
        Assert.Equal(expected, (string?)definitions["base"]!["status"]);
        Assert.Equal(expected, (string?)definitions["reader"]!["status"]);
    }

    [Fact]
    public void An_insufficient_used_definition_stays_insufficient_and_says_what_it_misses()
    {
        var rules = RulePackLoader.Load([("base.yaml", Base), ("reader.yaml", Reader)]);
        var reader = Evaluate(rules, "{ }")["reader"]!;
        Assert.Equal("insufficient-data", (string?)reader["status"]);
        Assert.Equal("base: the flag of the course", (string?)reader["missing"]![0]);
        Assert.Equal("insufficient-data", (string?)reader["criteria"]!["base-met"]!["status"]);
    }

    [Fact]
    public void Status_compared_as_text_would_read_insufficient_as_false_which_is_why_met_exists()
    {
        // The trap the .met member avoids: "%definitions.`base`.status = 'met'" is false (not empty) when base is insufficient.
        var trap = Reader.Replace("when: \"%definitions.`base`.met\"", "when: \"%definitions.`base`.status = 'met'\"")
            .Replace("requires: \"%definitions.`base`.met\"", "requires: \"%definitions.`base`.status\"");
        var rules = RulePackLoader.Load([("base.yaml", Base), ("reader.yaml", trap)]);
        Assert.Equal("not-met", (string?)Evaluate(rules, "{ }")["reader"]!["status"]);
    }

    [Fact]
    public void Using_an_unknown_pack_is_RULE115_at_the_uses_line()
    {
        var e = Assert.Throws<RuleLoadException>(() => RulePackLoader.Load([("reader.yaml", Reader.Replace("uses: [base]", "uses: [base, nope]")), ("base.yaml", Base)]));
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleErrorCodes.UnknownPack, error.Code);
        Assert.Equal("reader.yaml", error.Where.File);
        Assert.Equal(6, error.Where.Line);
        Assert.Contains("'nope'", error.Message);
    }

    [Fact]
    public void A_cycle_between_packs_is_RULE116_naming_the_cycle()
    {
        var a = Pack("a", "uses: [b]\ncards: [ { id: c, when: \"true\", indicator: info, summary: A } ]");
        var b = Pack("b", "uses: [a]\ncards: [ { id: c, when: \"true\", indicator: info, summary: B } ]");
        var e = Assert.Throws<RuleLoadException>(() => RulePackLoader.Load([("a.yaml", a), ("b.yaml", b)]));
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleErrorCodes.PackCycle, error.Code);
        Assert.Equal("a.yaml:6:8", error.Where.ToString());
        Assert.Contains("a → b → a", error.Message);
    }

    [Fact]
    public void A_pack_using_itself_is_a_cycle()
    {
        var e = Assert.Throws<RuleLoadException>(() => RulePackLoader.Load([("a.yaml", Pack("a", "uses: [a]\ncards: [ { id: c, when: \"true\", indicator: info, summary: A } ]"))]));
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.PackCycle && x.Message.Contains("a → a"));
    }

    [Fact]
    public void Reading_a_pack_not_declared_in_uses_is_RULE117_at_the_expression()
    {
        var e = Assert.Throws<RuleLoadException>(() => RulePackLoader.Load([("base.yaml", Base), ("reader.yaml", Reader.Replace("uses: [base]\n", ""))]));
        Assert.All(e.Errors, x => Assert.Equal(RuleErrorCodes.UndeclaredPackRead, x.Code));
        Assert.Contains(e.Errors, x => x.Where.File == "reader.yaml" && x.Where.Line == 11 && x.Message.Contains("'base'"));
    }

    [Fact]
    public void Reading_definitions_without_naming_a_pack_is_RULE117()
    {
        var e = Assert.Throws<RuleLoadException>(() => RulePackLoader.Load([("base.yaml", Base),
            ("reader.yaml", Reader.Replace("when: \"%definitions.`base`.met\"", "when: \"%definitions.children().exists()\""))]));
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.UndeclaredPackRead && x.Message.Contains("without naming a pack"));
    }

    [Fact]
    public void A_vector_may_give_the_used_packs_results_instead_of_evaluating_them()
    {
        var withVectors = Reader + "\n" + """
            tests:
              - name: "given met"
                as-of: 2025-06-01
                definitions: { base: { status: met, criteria: { flag: { status: met, reason: "given flag" } } } }
                expect: { status: met, reasons: ["base met (given flag)"] }
              - name: "given insufficient stays insufficient"
                as-of: 2025-06-01
                definitions: { base: { status: insufficient-data, missing: ["a given gap"] } }
                expect: { status: insufficient-data, missing: ["base: a given gap"] }
              - name: "evaluated from facts when not given"
                facts: { course: { flag: false } }
                as-of: 2025-06-01
                expect: { status: not-met }
            """;
        var rules = RulePackLoader.Load([("base.yaml", Base), ("reader.yaml", withVectors)]);
        var outcomes = VectorRunner.RunAll(rules).Where(o => o.Pack == "reader").ToList();
        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.True(o.Passed, string.Join("; ", o.Failures)));
    }
}
