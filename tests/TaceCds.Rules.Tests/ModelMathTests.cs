using System.Text.Json.Nodes;
using TaceCds.Rules.Runtime;

namespace TaceCds.Rules.Tests;

public class ModelMathTests
{
    [Fact]
    public void Dect_nomogram_reproduces_the_papers_figure_2_patients()
    {
        var results = RulesFixture.Evaluate(RulesFixture.RepositoryRules, RulesFixture.SampleFacts("p11"));
        var lesions = results.Models["dect-nomogram-2025"]!.AsArray();
        Assert.Equal(2, lesions.Count);
        // Figure 2: size 42.4 mm, NIC-AP 17.42 %, PS 17.38 → logit −2.139, P(NR) 0.105 (responded).
        Assert.Equal("BodyStructure/p11-lesion-a", (string?)lesions[0]!["lesion"]);
        Assert.Equal(0.105, Math.Round((double)lesions[0]!["probabilityNonResponse"]!, 3));
        Assert.Equal(-2.139, (double)lesions[0]!["logit"]!, 3);
        // Figure 2: size 100.5 mm, NIC-AP 54.71 % (from IC 3.83 / 7.00 mg/mL), PS 36.57 → P(NR) 0.9992 (did not respond).
        Assert.Equal(0.999, Math.Round((double)lesions[1]!["probabilityNonResponse"]!, 3));
        Assert.Equal(0.9992, (double)lesions[1]!["probabilityNonResponse"]!, 4);
        Assert.True((bool)lesions[0]!["applicable"]!);
    }

    private const string RelativeOddsPack = """
        model:
          relative-odds:
            output: relativeOdds
            probability-output: probability
            terms:
              - { name: flag, value: "%course.flag", odds-ratio: 4.0 }
              - { name: x, value: "%course.x", unit: "1", odds-ratio: 2.0, reference: 1 }
        """;

    [Fact]
    public void Relative_odds_multiply_odds_ratios_per_unit_from_the_reference()
    {
        var rules = RulesFixture.LoadText(RulesFixture.Header + RelativeOddsPack);
        var model = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts("""{ "course": { "flag": true, "x": 3 } }""")).Models["test-pack"]!;
        Assert.Equal(16.0, (double)model["relativeOdds"]!, 6); // 4 × 2^(3−1)
        Assert.Equal(["flag", "x"], model["factorsPresent"]!.AsArray().Select(n => (string?)n));
        Assert.Null(model["probability"]); // no intercept published, none configured
    }

    [Fact]
    public void A_locally_calibrated_intercept_gives_a_probability()
    {
        var rules = RulesFixture.LoadText(RulesFixture.Header + RelativeOddsPack);
        var options = new RuleEngineOptions { LocalIntercepts = new Dictionary<string, double> { ["test-pack"] = -3.0 } };
        var model = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts("""{ "course": { "flag": true, "x": 3 } }"""), options).Models["test-pack"]!;
        var logit = -3.0 + Math.Log(4) + 3 * Math.Log(2);
        Assert.Equal(Math.Round(1 / (1 + Math.Exp(-logit)), 4), (double)model["probability"]!, 4);
    }

    [Fact]
    public void Missing_term_gives_no_number_and_names_the_input()
    {
        var rules = RulesFixture.LoadText(RulesFixture.Header + RelativeOddsPack);
        var model = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts("""{ "course": { "flag": false } }""")).Models["test-pack"]!;
        Assert.Null(model["relativeOdds"]);
        Assert.Equal(["x"], model["missing"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public void Logistic_model_per_item_with_for_each()
    {
        var rules = RulesFixture.LoadText(RulesFixture.Header + """
            model:
              for-each: "%facts.items"
              as: item
              key: { name: id, value: "%item.id" }
              logistic:
                output: p
                intercept: -1
                terms:
                  - { name: a, value: "%item.a", unit: mm, coefficient: 0.5 }
            """);
        var model = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts("""{ "facts": { "items": [ { "id": "x", "a": 2 }, { "id": "y", "a": 4 }, { "id": "z" } ] } }""")).Models["test-pack"]!.AsArray();
        Assert.Equal(0.5, (double)model[0]!["p"]!, 4);                         // logit 0
        Assert.Equal(Math.Round(1 / (1 + Math.Exp(-1.0)), 4), (double)model[1]!["p"]!, 4);
        Assert.Null(model[2]!["p"]);
        Assert.Equal("z", (string?)model[2]!["id"]);
    }

    [Fact]
    public void Points_table_sums_points_and_needs_every_item()
    {
        var rules = RulesFixture.LoadText(RulesFixture.Header + """
            model:
              points:
                output: points
                items:
                  - { name: afp, when: "%course.afp >= 200", points: 1 }
                  - { name: response, when: "%course.response", points: -3 }
            """);
        var full = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts("""{ "course": { "afp": 250, "response": true } }""")).Models["test-pack"]!;
        Assert.Equal(-2.0, (double)full["points"]!);
        var partial = RulesFixture.Evaluate(rules, RulesFixture.InlineFacts("""{ "course": { "afp": 250 } }""")).Models["test-pack"]!;
        Assert.Null(partial["points"]);
        Assert.Equal(["response"], partial["missing"]!.AsArray().Select(n => (string?)n));
    }
}

public class CalibrationFileTests
{
    [Fact]
    public void Calibration_file_gives_intercepts_and_reports_bad_values_with_lines()
    {
        var dir = Directory.CreateTempSubdirectory("tacecds-calibration").FullName;
        try
        {
            var good = Path.Combine(dir, "good.yaml");
            File.WriteAllText(good, "intercepts:\n  ivim-resistance-2026: -2.5\n");
            Assert.Equal(-2.5, TaceCds.Rules.Loading.CalibrationFile.Load(good).LocalIntercepts["ivim-resistance-2026"]);

            var bad = Path.Combine(dir, "bad.yaml");
            File.WriteAllText(bad, "intercepts:\n  ivim-resistance-2026: low\nextra: 1\n");
            var e = Assert.Throws<TaceCds.Rules.Loading.RuleLoadException>(() => TaceCds.Rules.Loading.CalibrationFile.Load(bad));
            Assert.Contains(e.Errors, x => x.Code == "RULE112" && x.Where.Line == 2);
            Assert.Contains(e.Errors, x => x.Code == "RULE102" && x.Where.Line == 3);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void With_a_calibrated_intercept_the_ivim_model_gives_a_probability()
    {
        var options = new RuleEngineOptions { LocalIntercepts = new Dictionary<string, double> { ["ivim-resistance-2026"] = -10.0 } };
        var model = RulesFixture.Evaluate(RulesFixture.RepositoryRules, RulesFixture.SampleFacts("p12"), options).Models["ivim-resistance-2026"]!;
        // logit = −10 + ln 3.975 + 5.79 ln 2.211 + ln 10.07 + 28.5 ln 1.121 + 1.05 ln 0.424 (absolute values, not vs reference)
        var logit = -10 + Math.Log(3.975) + 5.79 * Math.Log(2.211) + Math.Log(10.070) + 28.5 * Math.Log(1.121) + 1.05 * Math.Log(0.424);
        Assert.Equal(Math.Round(1 / (1 + Math.Exp(-logit)), 4), (double)model["probabilityResistance"]!, 4);
    }
}
