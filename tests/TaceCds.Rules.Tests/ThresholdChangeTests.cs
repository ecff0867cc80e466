using TaceCds.Rules.Loading;

namespace TaceCds.Rules.Tests;

/// <summary>Rules are data: editing a threshold in a copied YAML file changes the result with no rebuild.</summary>
public class ThresholdChangeTests
{
    [Fact]
    public void Raising_the_cci_threshold_to_130_percent_turns_p02_from_met_to_not_met()
    {
        var dir = Directory.CreateTempSubdirectory("tacecds-rules-copy").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(RulesFixture.RulesDirectory, "*.yaml"))
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            var facts = RulesFixture.SampleFacts("p02");
            var before = RulesFixture.Evaluate(RulesFixture.RepositoryRules, facts);
            Assert.Equal("met", (string?)before.Definitions["cci-2022"]!["status"]);

            var path = Path.Combine(dir, "cci-2022.yaml");
            var text = File.ReadAllText(path);
            Assert.Contains("%assessmentSum >= 1.2 * %baselineSum", text);
            File.WriteAllText(path, text.Replace("%assessmentSum >= 1.2 * %baselineSum", "%assessmentSum >= 1.3 * %baselineSum"));

            var after = RulesFixture.Evaluate(RulePackLoader.LoadDirectory(dir), facts);
            Assert.Equal("not-met", (string?)after.Definitions["cci-2022"]!["status"]);
            Assert.Equal("not-met", (string?)after.Definitions["cci-2022"]!["criteria"]!["progressive-vs-baseline"]!["status"]);
            Assert.DoesNotContain(after.Cards, c => (string?)c!["indicator"] == "critical");
        }
        finally { Directory.Delete(dir, true); }
    }
}
