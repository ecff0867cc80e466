using System.Text.Json.Nodes;
using TaceCds.Store.Audit;

namespace TaceCds.Store.Tests;

/// <summary>Audit cards from a response and its EvaluationResult (shape of shared/contracts/evaluation-output.md).</summary>
public sealed class AuditCardExtractorTests
{
    private static readonly JsonObject Result = JsonNode.Parse("""
        {"engine":{"version":"0.1.0","rulePacks":[{"id":"cci-2022","version":"1.2.0"},{"id":"abcr","version":"1.0.0"}]},
         "definitions":{"cci-2022":{"status":"met","evidence":{"inputs":{
             "baseline":{"exam":"ImagingStudy/img-1","value":80},
             "afp":[{"resource":"Observation/afp-1"},{"resource":"Observation/afp-2"},{"resource":"Observation/afp-1"}],
             "note":"not a reference","ratio":"1/2"}}}}}
        """)!.AsObject();

    [Fact]
    public void Names_rule_version_and_evidence_of_each_card()
    {
        var cards = JsonNode.Parse("""
            [{"uuid":"u1","summary":"CCI met","indicator":"critical","source":{"label":"TaceCds rule cci-2022","topic":{"code":"cci-2022"}}},
             {"uuid":"u2","summary":"Course","indicator":"info","source":{"label":"TaceCds","topic":{"code":"course-summary"}}},
             {"summary":"no uuid: not audited","indicator":"info","source":{"label":"x"}}]
            """)!.AsArray();
        var audited = AuditCardExtractor.Extract(cards, Result);
        Assert.Equal(2, audited.Count);
        Assert.Equal(("u1", "cci-2022", "1.2.0", "critical", "CCI met"), (audited[0].Uuid, audited[0].RuleId, audited[0].RuleVersion, audited[0].Indicator, audited[0].Summary));
        Assert.Equal(["ImagingStudy/img-1", "Observation/afp-1", "Observation/afp-2"], audited[0].EvidenceReferences);
        Assert.Equal(("course-summary", "0.1.0"), (audited[1].RuleId, audited[1].RuleVersion));
        Assert.Empty(audited[1].EvidenceReferences);
    }

    [Fact]
    public void Works_without_an_evaluation_result()
    {
        var cards = JsonNode.Parse("""[{"uuid":"u1","source":{"label":"TaceCds"}}]""")!.AsArray();
        var card = Assert.Single(AuditCardExtractor.Extract(cards, null));
        Assert.Equal(("TaceCds", "unknown"), (card.RuleId, card.RuleVersion));
    }
}
