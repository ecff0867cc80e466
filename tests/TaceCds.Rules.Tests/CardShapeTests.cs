using TaceCds.Fhir.Identity;
using System.Text.Json.Nodes;
using TaceCds.Rules.Runtime;

namespace TaceCds.Rules.Tests;

/// <summary>Every card of every sample patient obeys the CDS Hooks 2.0 Card rules (cds-hooks.md §4).</summary>
public class CardShapeTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        for (var i = 1; i <= 18; i++) data.Add($"p{i:00}");
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Cards_are_valid_cds_hooks_cards(string sample)
    {
        var results = RulesFixture.Evaluate(RulesFixture.RepositoryRules, RulesFixture.SampleFacts(sample));
        Assert.Empty(results.Issues);
        foreach (var node in results.Cards)
        {
            var card = node!.AsObject();
            NoNullOrEmpty(card, "card");
            Assert.True(Guid.TryParse((string?)card["uuid"], out var uuid));
            Assert.Equal(5, uuid.Version);
            var summary = (string)card["summary"]!;
            Assert.InRange(summary.Length, 1, 139);
            Assert.DoesNotContain("\n", summary);
            Assert.Contains((string?)card["indicator"], new[] { "info", "warning", "critical" });
            Assert.NotNull(card["source"]!["label"]);
            Assert.Contains("Evidence: **", (string?)card["detail"]);
            if (card["suggestions"] is JsonArray suggestions)
            {
                Assert.Contains((string?)card["selectionBehavior"], new[] { "at-most-one", "any" });
                foreach (var s in suggestions)
                {
                    Assert.True(Guid.TryParse((string?)s!["uuid"], out _));
                    foreach (var a in s["actions"] as JsonArray ?? [])
                    {
                        Assert.Contains((string?)a!["type"], new[] { "create", "update", "delete" });
                        Assert.False(string.IsNullOrEmpty((string?)a["description"]));
                    }
                }
                if ((string?)card["selectionBehavior"] == "at-most-one")
                    Assert.True(suggestions.Count(s => (bool?)s!["isRecommended"] == true) <= 1);
            }
            else Assert.Null(card["selectionBehavior"]);
            foreach (var r in card["overrideReasons"] as JsonArray ?? [])
            {
                Assert.False(string.IsNullOrEmpty((string?)r!["display"]));
                Assert.False(string.IsNullOrEmpty((string?)r["system"]));
                Assert.False(string.IsNullOrEmpty((string?)r["code"]));
            }
            foreach (var l in card["links"] as JsonArray ?? [])
            {
                Assert.Equal("absolute", (string?)l!["type"]);
                Assert.True(Uri.IsWellFormedUriString((string?)l["url"], UriKind.Absolute));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_gets_every_definition_and_model(string sample)
    {
        var results = RulesFixture.Evaluate(RulesFixture.RepositoryRules, RulesFixture.SampleFacts(sample));
        foreach (var id in new[] { "cci-2022", "jsh-2014", "art", "abcr" })
            Assert.Contains((string?)results.Definitions[id]!["status"], new[] { RuleStatus.Met, RuleStatus.NotMet, RuleStatus.InsufficientData });
        foreach (var id in new[] { "dect-nomogram-2025", "ivim-resistance-2026", "ctp-residual-2025", "petmr-modality" })
            Assert.NotNull(results.Models[id]);
        Assert.Equal("seed", (string?)results.Definitions["cci-2022"]!["rule"]!["evidence"]);
    }

    [Fact]
    public void Card_uuids_are_reproducible_and_depend_on_the_date()
    {
        var first = RulesFixture.Evaluate(RulesFixture.RepositoryRules, RulesFixture.SampleFacts("p02"));
        var again = RulesFixture.Evaluate(RulesFixture.RepositoryRules, RulesFixture.SampleFacts("p02"));
        var later = RulesFixture.Evaluate(RulesFixture.RepositoryRules, RulesFixture.SampleFacts("p02", "2025-06-02"));
        var uuids = first.Cards.Select(c => (string?)c!["uuid"]).ToList();
        Assert.Equal(uuids, again.Cards.Select(c => (string?)c!["uuid"]));
        Assert.Empty(uuids.Intersect(later.Cards.Select(c => (string?)c!["uuid"])));
        Assert.Equal(uuids.Count, uuids.Distinct().Count());
    }

    [Fact]
    public void Name_based_uuid_matches_rfc_4122_example()
    {
        // RFC 4122 / Python uuid.uuid5(NAMESPACE_DNS, "python.org") = 886313e1-3b8a-5372-9b90-0c9aee199e5d.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NameBasedUuid.Create(dns, "python.org"));
    }

    [Fact]
    public void Cards_are_ordered_by_urgency()
    {
        // p02 before its switch to systemic therapy (2024-08-12): the critical CCI card is current (after it, history).
        var results = RulesFixture.Evaluate(RulesFixture.RepositoryRules, RulesFixture.SampleFacts("p02", "2024-08-01"));
        var order = results.Cards.Select(c => (string?)c!["indicator"] switch { "critical" => 0, "warning" => 1, _ => 2 }).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal("critical", (string?)results.Cards[0]!["indicator"]);
    }

    private static void NoNullOrEmpty(JsonNode? node, string path)
    {
        switch (node)
        {
            case null: Assert.Fail($"{path} is null"); break;
            case JsonObject o:
                Assert.True(o.Count > 0, $"{path} is an empty object");
                foreach (var (k, v) in o) NoNullOrEmpty(v, $"{path}.{k}");
                break;
            case JsonArray a:
                Assert.True(a.Count > 0, $"{path} is an empty array");
                for (var i = 0; i < a.Count; i++) NoNullOrEmpty(a[i], $"{path}[{i}]");
                break;
            case JsonValue v when v.TryGetValue<string>(out var s):
                Assert.False(string.IsNullOrWhiteSpace(s), $"{path} is an empty string");
                break;
        }
    }
}
