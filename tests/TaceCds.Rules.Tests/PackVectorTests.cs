using TaceCds.Rules.Testing;
using TaceCds.Testing;

namespace TaceCds.Rules.Tests;

/// <summary>Every pack's test vectors and every vignette file pass (the same runner as <c>tacecds rules test</c>).</summary>
public class PackVectorTests
{
    public static TheoryData<string> Packs()
    {
        var data = new TheoryData<string>();
        foreach (var p in RulesFixture.RepositoryRules.Packs) data.Add(p.Id);
        return data;
    }

    public static TheoryData<string> Vignettes()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.InRepo("tests", "TaceCds.Rules.Tests", "Vignettes"), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Pack_vectors_pass(string id)
    {
        var pack = RulesFixture.RepositoryRules.Packs.Single(p => p.Id == id);
        Assert.True(pack.Tests.Count >= 3, $"{id} has {pack.Tests.Count} vectors; every pack needs at least 3");
        var failures = pack.Tests.Select(v => VectorRunner.Run(RulesFixture.RepositoryRules, pack, v)).Where(o => !o.Passed)
            .Select(o => $"{o.Vector}: {string.Join("; ", o.Failures)}").ToList();
        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(Vignettes))]
    public void Vignettes_pass(string file)
    {
        var outcomes = VectorRunner.RunVignettes(RulesFixture.RepositoryRules, RepoPaths.InRepo("tests", "TaceCds.Rules.Tests", "Vignettes", file));
        Assert.NotEmpty(outcomes);
        Assert.Empty(outcomes.Where(o => !o.Passed).Select(o => $"{o.Vector}: {string.Join("; ", o.Failures)}"));
    }

    [Fact]
    public void A_wrong_expectation_fails_with_the_difference()
    {
        var pack = RulesFixture.RepositoryRules.Packs.Single(p => p.Id == "cci-2022");
        var vector = pack.Tests.First() with { Expect = new System.Text.Json.Nodes.JsonObject { ["status"] = "not-met", ["values"] = new System.Text.Json.Nodes.JsonObject { ["percentOfBaseline"] = 124.9m } } };
        var outcome = VectorRunner.Run(pack, vector);
        Assert.False(outcome.Passed);
        Assert.Contains(outcome.Failures, f => f.Contains("status: expected \"not-met\", got \"met\""));
        Assert.Contains(outcome.Failures, f => f.Contains("values.percentOfBaseline: expected 124.9, got 125"));
    }
}
