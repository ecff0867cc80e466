using System.Text.Json;
using TaceCds.Publishing.Results;
using TaceCds.Testing;

namespace TaceCds.Publishing.Tests.Results;

/// <summary>Every code the published resources use is a concept of the CodeSystem the guide publishes for it.</summary>
public class ResultCodeSystemTests
{
    private static HashSet<string> Concepts(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("fhir-profiles", file)));
        var codes = doc.RootElement.GetProperty("concept").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToHashSet();
        Assert.Equal(doc.RootElement.GetProperty("count").GetInt32(), codes.Count);
        return codes;
    }

    [Fact]
    public void Every_score_code_and_every_pack_id_is_a_concept_of_the_results_code_system()
    {
        var concepts = Concepts("CodeSystem-tacecds-results.json");
        Assert.All(ScoreObservations.Codes, code => Assert.Contains(code, concepts));
        Assert.All(PublishingFixture.Rules.Packs.Select(p => p.Id), id => Assert.Contains(id, concepts));
    }

    [Fact]
    public void Every_evidence_level_a_pack_may_declare_is_a_concept_of_the_evidence_level_code_system() =>
        Assert.Equal(["confirmed", "secondary", "seed"], Concepts("CodeSystem-tacecds-evidence-level.json").Order(StringComparer.Ordinal));
}
