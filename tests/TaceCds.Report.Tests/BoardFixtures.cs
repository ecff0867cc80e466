using System.Text.Json.Nodes;
using TaceCds.Cli;
using TaceCds.Clinical.Evaluation;
using TaceCds.Report.Model;
using TaceCds.Testing;

namespace TaceCds.Report.Tests;

/// <summary>Board patients built from the samples the way <c>tacecds board</c> builds them, plus a synthetic rules-engine output.</summary>
public static class BoardFixtures
{
    public static readonly DateOnly AsOf = new(2025, 6, 1);

    public static IReadOnlyList<string> SampleIds { get; } = Enumerable.Range(1, 18).Select(i => $"p{i:00}").ToList();

    /// <summary>Every sample of <c>samples/</c> (21 today), for the checks that must hold for each of them.</summary>
    public static IReadOnlyList<string> AllSampleIds { get; } = Directory.GetFiles(RepoPaths.InRepo("samples"), "p*.json")
        .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToList();

    public static string SamplePath(string id) => RepoPaths.InRepo("samples", id + ".json");

    public static BoardPatient Sample(string id)
    {
        var input = RecordInput.FromBundleFile(SamplePath(id)).Single();
        var clinical = input.Evaluate(AsOf);
        return BoardPatient.From(input, clinical, EvaluationPipeline.Complete(clinical));
    }

    /// <summary>A sample as the clinical stages alone see it: no definitions, models or cards.</summary>
    public static BoardPatient SampleWithoutRules(string id)
    {
        var patient = Sample(id);
        var result = patient.Result.DeepClone().AsObject();
        result["definitions"] = new JsonObject();
        result["models"] = new JsonObject();
        result["cards"] = new JsonArray();
        return patient with { Result = result };
    }

    /// <summary>
    /// p02 with what the rules engine will add: CCI met, JSH insufficient, a model with published performance, cards of
    /// every indicator (one whose Markdown carries raw HTML, an image and a javascript: link), and CT effective doses.
    /// </summary>
    public static BoardPatient WithRulesOutput()
    {
        var patient = Sample("p02");
        var result = patient.Result.DeepClone().AsObject();
        result["definitions"] = JsonNode.Parse("""
        {
          "cci-2022": { "status": "met", "reasons": [ "3 consecutive standardized sessions", "viable sum 125 % of baseline on 2024-07-22" ],
                        "missing": [], "assumptions": [ "non-target response not reported: overall follows target" ] },
          "jsh-2014": { "status": "insufficient-data", "reasons": [], "missing": [ "AFP after the 2nd session" ], "assumptions": [],
                        "criteria": { "consecutiveIneffective": 2 } }
        }
        """);
        result["models"] = JsonNode.Parse("""
        {
          "dect-nomogram-2025": [ { "lesion": "BodyStructure/p02-lesion-a", "probabilityNonResponse": 0.105, "applicable": true,
                                    "publishedAuc": 0.87, "applicability": "contrast DECT arterial phase" } ],
          "ivim-resistance-2026": { "factorsPresent": [ "low ADC" ], "relativeOdds": 8.1, "performance": { "auc": 0.79, "cohort": "n=112, single centre" } }
        }
        """);
        result["cards"] = JsonNode.Parse("""
        [
          { "summary": "Consider 2nd-line TACE review", "indicator": "info", "source": { "label": "TaceCds" } },
          { "summary": "TACE refractoriness (CCI 2022) met: discuss systemic therapy", "indicator": "critical",
            "detail": "**Refractory** per CCI 2022.\n\n<script>alert('card')</script> <img src=x onerror=alert(2)>\n\n![scan](https://images.example.org/x.png) [click](javascript:alert(3)) [guideline](https://example.org/cci)",
            "source": { "label": "CCI 2022 consensus", "url": "https://example.org/cci-2022" },
            "links": [ { "label": "JSH 2014", "url": "https://example.org/jsh", "type": "absolute" } ] },
          { "summary": "AFP rising over three draws", "indicator": "warning", "source": { "label": "TaceCds AFP rule" } }
        ]
        """);
        var exams = result["facts"]!["exams"]!.AsArray();
        var doses = new[] { 7.5, 8.25, 9.0 };
        for (var i = 0; i < doses.Length; i++)
        {
            var exam = exams[i]!.AsObject();
            var findings = exam["findings"] as JsonObject ?? new JsonObject();
            findings["effective-dose"] = new JsonObject { ["value"] = doses[i], ["unit"] = "mSv", ["date"] = exam["date"]!.GetValue<string>() };
            exam["findings"] = findings;
        }
        return patient with { Result = result };
    }

    /// <summary>Baseline (when measured) plus one point per assessment: what the response chart must draw.</summary>
    public static int ExpectedResponsePoints(JsonObject result) =>
        (result["course"]!["baseline"] is JsonObject ? 1 : 0) + result["course"]!["assessments"]!.AsArray().Count;
}
