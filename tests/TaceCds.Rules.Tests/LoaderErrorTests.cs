using TaceCds.Rules.Loading;

namespace TaceCds.Rules.Tests;

public class LoaderErrorTests
{
    private const string Card = """
        cards:
          - id: c
            when: "true"
            indicator: info
            summary: "Hello"

        """;

    [Fact]
    public void Yaml_syntax_error_names_file_line_and_RULE101()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + "define:\n  a: \"unterminated\n  b: x\n");
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleErrorCodes.YamlSyntax, error.Code);
        Assert.Equal("bad.yaml", error.Where.File);
        Assert.InRange(error.Where.Line, 7, 9);
        Assert.Contains("bad.yaml:", e.Message);
    }

    [Fact]
    public void Unknown_key_is_RULE102_at_its_line()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + Card + "colour: blue\n");
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleErrorCodes.UnknownKey, error.Code);
        Assert.Equal(11, error.Where.Line);
        Assert.Contains("'colour'", error.Message);
    }

    [Fact]
    public void Unknown_key_inside_a_card_is_reported()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + Card.Replace("summary: \"Hello\"", "summary: \"Hello\"\n    sumary: typo"));
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.UnknownKey && x.Message.Contains("sumary") && x.Where.Line == 11);
    }

    [Fact]
    public void Define_cycle_is_RULE108_naming_the_cycle()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + "define:\n  a: \"%b + 1\"\n  b: \"%c + 1\"\n  c: \"%a + 1\"\n" + Card);
        var error = Assert.Single(e.Errors, x => x.Code == RuleErrorCodes.DefineCycle);
        Assert.Contains("%a → %b → %c → %a", error.Message);
    }

    [Fact]
    public void Self_reference_is_a_cycle()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + "define:\n  a: \"%a + 1\"\n" + Card);
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.DefineCycle);
    }

    [Fact]
    public void Bad_fhirpath_is_RULE106_with_the_expression_line()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + "define:\n  a: \"%course.where(\"\n" + Card);
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleErrorCodes.BadFhirPath, error.Code);
        Assert.Equal(7, error.Where.Line);
        Assert.Contains("FP1", error.Message);
    }

    [Fact]
    public void Unknown_variable_is_RULE107()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + "define:\n  a: \"%corse.baseline\"\n" + Card);
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleErrorCodes.UnknownVariable, error.Code);
        Assert.Contains("%corse", error.Message);
    }

    [Fact]
    public void A_variable_inside_a_string_literal_is_not_a_variable()
    {
        var rules = RulesFixture.LoadText(RulesFixture.Header + "define:\n  a: \"'100 %course'\"\n" + Card);
        Assert.Single(rules.Packs);
    }

    [Fact]
    public void Summary_of_140_characters_is_RULE109()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + Card.Replace("\"Hello\"", "\"" + new string('x', 140) + "\""));
        var error = Assert.Single(e.Errors);
        Assert.Equal(RuleErrorCodes.SummaryTooLong, error.Code);
        Assert.Equal(10, error.Where.Line);
    }

    [Fact]
    public void Summary_of_139_characters_loads()
    {
        var rules = RulesFixture.LoadText(RulesFixture.Header + Card.Replace("\"Hello\"", "\"" + new string('x', 139) + "\""));
        Assert.Single(rules.Packs);
    }

    [Fact]
    public void Placeholder_that_does_not_resolve_is_RULE110()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + Card.Replace("\"Hello\"", "\"Hello {{%nope}}\""));
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.BadPlaceholder && x.Message.Contains("%nope"));
    }

    [Fact]
    public void Unclosed_placeholder_and_unknown_format_are_RULE110()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + Card.Replace("\"Hello\"", "\"Hello {{%asOf\"").Replace("id: c", "id: c\n    detail: \"{{%asOf | weird}}\""));
        Assert.Equal(2, e.Errors.Count(x => x.Code == RuleErrorCodes.BadPlaceholder));
    }

    [Fact]
    public void Bad_enum_values_are_RULE105()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header.Replace("evidence: secondary", "evidence: strong") + Card.Replace("indicator: info", "indicator: red"));
        Assert.Equal(2, e.Errors.Count(x => x.Code == RuleErrorCodes.BadEnumValue));
    }

    [Fact]
    public void Missing_required_keys_are_RULE103()
    {
        var e = RulesFixture.LoadFails("id: x\n" + Card);
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.MissingKey && x.Message.Contains("'version'"));
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.MissingKey && x.Message.Contains("'citation'"));
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.MissingKey && x.Message.Contains("'evidence'"));
    }

    [Fact]
    public void Suggestions_without_selection_behavior_are_refused()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + Card + "    suggestions:\n      - label: Do it\n");
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.MissingKey && x.Message.Contains("selection-behavior"));
    }

    [Fact]
    public void Criterion_with_requires_needs_a_missing_text()
    {
        var e = RulesFixture.LoadFails(RulesFixture.Header + "definition:\n  criteria:\n    - id: a\n      title: A\n      requires: \"%course\"\n");
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.MissingKey && x.Message.Contains("'missing'"));
    }

    [Fact]
    public void A_bad_pack_never_half_loads_and_all_errors_are_listed()
    {
        var good = RulesFixture.Header + Card;
        var bad = RulesFixture.Header.Replace("test-pack", "other") + "define:\n  a: \"%b\"\n  b: \"%a\"\n" + Card.Replace("\"Hello\"", "\"" + new string('y', 150) + "\"");
        var e = Assert.Throws<RuleLoadException>(() => RulePackLoader.Load([("good.yaml", good), ("bad.yaml", bad)]));
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.DefineCycle && x.Where.File == "bad.yaml");
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.SummaryTooLong && x.Where.File == "bad.yaml");
    }

    [Fact]
    public void Duplicate_pack_ids_are_RULE111()
    {
        var pack = RulesFixture.Header + Card;
        var e = Assert.Throws<RuleLoadException>(() => RulePackLoader.Load([("a.yaml", pack), ("b.yaml", pack)]));
        Assert.Contains(e.Errors, x => x.Code == RuleErrorCodes.DuplicateId && x.Message.Contains("a.yaml"));
    }

    [Fact]
    public void Empty_directory_is_RULE114()
    {
        var dir = Directory.CreateTempSubdirectory("tacecds-rules-empty").FullName;
        try
        {
            var e = Assert.Throws<RuleLoadException>(() => RulePackLoader.LoadDirectory(dir));
            Assert.Equal(RuleErrorCodes.NoRules, Assert.Single(e.Errors).Code);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Repository_packs_load()
    {
        var ids = RulesFixture.RepositoryRules.Packs.Select(p => p.Id).ToList();
        foreach (var id in new[] { "cci-2022", "jsh-2014", "art", "abcr", "dect-nomogram-2025", "ivim-resistance-2026", "ctp-residual-2025", "petmr-modality" })
            Assert.Contains(id, ids);
    }
}
