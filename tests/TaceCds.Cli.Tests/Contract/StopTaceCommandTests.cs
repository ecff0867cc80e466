using System.Text.Json.Nodes;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>
/// The stop-TACE decision through the CLI: <c>evaluate</c> takes it from rules/stop-tace.yaml, relevant in time
/// (clinical-reference.md §2), and <c>rules list/test</c> show and check the packs it builds on.
/// </summary>
public class StopTaceCommandTests
{
    private static string Sample(string id) => RepoPaths.InRepo("samples", id + ".json");

    private static JsonNode Evaluate(string id, string asOf)
    {
        var run = CliProcess.Run("evaluate", Sample(id), "--as-of", asOf, "--format", "json");
        Assert.Equal(0, run.ExitCode);
        return JsonNode.Parse(run.Stdout)!;
    }

    [Fact]
    public void P02_evaluated_as_of_2024_08_01_before_its_switch_has_the_critical_stop_card()
    {
        var result = Evaluate("p02", "2024-08-01");
        Assert.Equal("current", (string?)result["definitions"]!["stop-tace"]!["values"]!["relevance"]);
        var critical = Assert.Single(result["cards"]!.AsArray(), c => (string?)c!["indicator"] == "critical")!;
        Assert.Equal("TACE refractoriness (CCI 2022) met: stop repeat TACE and switch treatment", (string?)critical["summary"]);
    }

    [Fact]
    public void Given_p02_refractory_on_2024_07_22_switched_on_2024_08_12_and_a_4th_TACE_on_2024_09_02_when_evaluated_on_2024_09_10_then_the_decision_is_current_and_critical()
    {
        // §2 "Relevance in time": starting systemic therapy does not retire the result while TACE goes on; a TACE after
        // the switch (TACE + systemic) is the decision being made again. The 4th session's own assessment is not due yet.
        var bundle = JsonNode.Parse(File.ReadAllText(Sample("p02")))!.AsObject();
        var entries = bundle["entry"]!.AsArray();
        var tace3 = entries.Select(e => e!["resource"]!.AsObject()).Single(r => (string?)r["id"] == "p02-tace-3");
        var tace4 = tace3.DeepClone().AsObject();
        tace4["id"] = "p02-tace-4";
        tace4["performedDateTime"] = "2024-09-02T14:00:00+08:00";
        entries.Add(new JsonObject { ["fullUrl"] = "https://example.org/fhir/Procedure/p02-tace-4", ["resource"] = tace4 });
        var file = Path.Combine(Directory.CreateTempSubdirectory("tacecds-tace4-").FullName, "p02-tace4.json");
        File.WriteAllText(file, bundle.ToJsonString());

        var run = CliProcess.Run("evaluate", file, "--as-of", "2024-09-10", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var result = JsonNode.Parse(run.Stdout)!;
        var cci = result["definitions"]!["cci-2022"]!;
        Assert.Equal("insufficient-data", (string?)cci["status"]);
        Assert.Equal("2024-07-22", (string?)cci["values"]!["earlierMetDate"]);
        var decision = result["definitions"]!["stop-tace"]!;
        Assert.Equal(("met", "current"), ((string?)decision["status"], (string?)decision["values"]!["relevance"]));
        var critical = Assert.Single(result["cards"]!.AsArray(), c => (string?)c!["indicator"] == "critical")!;
        Assert.Equal("TACE refractoriness (CCI 2022) met: stop repeat TACE and switch treatment", (string?)critical["summary"]);
        Assert.Contains("TACE was given again after it (last session 2024-09-02)", (string?)critical["detail"]);
    }

    [Fact]
    public void P02_evaluated_as_of_2026_12_01_keeps_the_decision_as_history_without_a_critical_card()
    {
        var result = Evaluate("p02", "2026-12-01");
        var decision = result["definitions"]!["stop-tace"]!;
        Assert.Equal("met", (string?)decision["status"]);
        Assert.Equal("history", (string?)decision["values"]!["relevance"]);
        Assert.Equal("2024-08-12", (string?)decision["values"]!["relevanceDate"]);
        Assert.DoesNotContain(result["cards"]!.AsArray(), c => (string?)c!["indicator"] == "critical");
    }

    [Fact]
    public void The_text_output_explains_the_decision_with_the_same_sentences_as_the_card()
    {
        var run = CliProcess.Run("evaluate", Sample("p02"), "--as-of", "2026-12-01", "--format", "text");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("stop-tace: met (history)", run.Stdout);
        Assert.Contains("Decision stop-tace:", run.Stdout);
        Assert.Contains("history, not a current alert: systemic therapy (atezolizumab + bevacizumab) from 2024-08-12", run.Stdout);
        Assert.Contains("TACE refractoriness met (CCI 2022 consensus): target sum 100 mm on 2024-07-22 = 125 % of the baseline 80 mm (2024-02-05)", run.Stdout);
        Assert.Contains("ImagingStudy/p02-img-20240722", run.Stdout);
        var card = Evaluate("p02", "2026-12-01")["cards"]!.AsArray().Single(c => (string?)c!["source"]!["topic"]!["code"] == "stop-tace")!;
        Assert.Contains("history, not a current alert: systemic therapy (atezolizumab + bevacizumab) from 2024-08-12", (string?)card["detail"]);
    }

    [Fact]
    public void The_text_output_says_a_score_is_not_computed_because_its_inputs_are_stale_not_missing()
    {
        // p01's last labs are of 2025-03-10: as of 2025-06-01 they are 83 days old (limit 30, clinical-reference §5).
        var run = CliProcess.Run("evaluate", Sample("p01"), "--as-of", "2025-06-01", "--format", "text");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("childPugh     not computed — stale: bilirubin of 2025-03-10 is 83 days before 2025-06-01 (limit 30 days)", run.Stdout);
        Assert.DoesNotContain("childPugh     not computed — missing", run.Stdout);
    }

    [Fact]
    public void The_text_output_shows_the_mRECIST_figures_and_the_CCI_ledger_apart_for_p04()
    {
        // samples/README.md p04: on 2024-07-01 A+B 30 mm (target PR, overall PD for new lesion C); CCI ledger A 20 + B 10 + C 38 = 68 = 123.6 %.
        var run = CliProcess.Run("evaluate", Sample("p04"), "--as-of", "2025-06-01", "--format", "text");
        Assert.Equal(0, run.ExitCode);
        var line = run.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("2024-07-01", StringComparison.Ordinal));
        Assert.Contains("sum   30.0 mm", line);
        Assert.Contains("target PR  overall PD", line);
        Assert.Contains("CCI ledger 68.0 mm = 123.6 % of baseline (PD)", line);
    }

    [Fact]
    public void Rules_list_shows_which_packs_the_decision_uses()
    {
        var run = CliProcess.Run("rules", "list");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("stop-tace uses cci-2022, jsh-2014, art, abcr", run.Stdout);
        var lines = run.Stdout.Split('\n');
        Assert.True(Array.FindIndex(lines, l => l.StartsWith("cci-2022 ", StringComparison.Ordinal)) < Array.FindIndex(lines, l => l.StartsWith("stop-tace ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("uses: [b]", "uses: [a]", "RULE116", "a.yaml:6:8", "a → b → a")]
    [InlineData("uses: [nowhere]", "", "RULE115", "a.yaml:6:8", "'nowhere'")]
    public void Rules_test_fails_on_a_pack_cycle_or_an_unknown_pack_with_its_code_and_location(string usesA, string usesB, string code, string where, string detail)
    {
        var dir = Directory.CreateTempSubdirectory("tacecds-rules-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), Pack("a", usesA));
            File.WriteAllText(Path.Combine(dir.FullName, "b.yaml"), Pack("b", usesB));
            var run = CliProcess.Run("rules", "test", "--rules", dir.FullName);
            Assert.Equal(2, run.ExitCode);
            var line = Assert.Single(run.Stderr.Split('\n'), l => l.Contains(code, StringComparison.Ordinal));
            Assert.Contains(Path.Combine(dir.FullName, where), line);
            Assert.Contains(detail, line);
        }
        finally { dir.Delete(true); }
    }

    private static string Pack(string id, string uses) => $$"""
        id: {{id}}
        version: 1.0.0
        title: Pack {{id}}
        citation: { text: "A test citation", url: "https://example.org/cite" }
        evidence: secondary
        {{uses}}
        cards: [ { id: c, when: "true", indicator: info, summary: "{{id}}" } ]
        tests: [ { name: t, facts: { course: {} }, as-of: 2025-06-01, expect: { cards: ["{{id}}"] } } ]

        """;
}
