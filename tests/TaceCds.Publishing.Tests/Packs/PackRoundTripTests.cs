using Hl7.Fhir.Model;
using TaceCds.Publishing.Packs;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Model;
using TaceCds.Testing;

namespace TaceCds.Publishing.Tests.Packs;

/// <summary>
/// Issue 16 point 3: every pack in rules/ exported as PlanDefinition + Library, serialized with the Firely serializer,
/// parsed back with the Firely parser, gives the same pack: ids, versions, expressions, citations — both from the
/// PlanDefinition's fields and from the YAML attached to the Library (loaded again by the rule loader).
/// </summary>
public class PackRoundTripTests
{
    /// <summary>Every pack exported, serialized and parsed back; the packs loaded again from the YAML the Libraries carry.</summary>
    private static readonly Lazy<(Dictionary<string, ExportedPack> Exported, RuleSet Reloaded)> RoundTrip = new(() =>
    {
        var rules = PublishingFixture.Rules;
        var exported = PackExport.Build(rules, File.ReadAllText).ToDictionary(
            a => a.PackId, a => ExportedPack.Read(FhirJson.Serialize(a.PlanDefinition), FhirJson.Serialize(a.Library)));
        var reloaded = RulePackLoader.Load(rules.Packs.Select(p => (p.File, exported[p.Id].Yaml)), RepoPaths.InRepo("rules"));
        return (exported, reloaded);
    });

    private static (RulePack Pack, ExportedPack Exported, string Source) Export(string packId)
    {
        var pack = PublishingFixture.Rules.Packs.Single(p => p.Id == packId);
        return (pack, RoundTrip.Value.Exported[packId], File.ReadAllText(pack.File));
    }

    [Theory]
    [MemberData(nameof(PublishingFixture.PackIds), MemberType = typeof(PublishingFixture))]
    public void The_library_carries_the_pack_yaml_byte_for_byte_and_it_loads_as_the_same_pack(string packId)
    {
        var (pack, exported, source) = Export(packId);
        Assert.Equal(source, exported.Yaml);
        Assert.Equal(Path.GetFileName(pack.File), exported.Library.Content[0].Title);

        var reloaded = RoundTrip.Value.Reloaded.Packs.Single(p => p.Id == packId);
        Assert.Equal((pack.Id, pack.Version, pack.Title, pack.Evidence), (reloaded.Id, reloaded.Version, reloaded.Title, reloaded.Evidence));
        Assert.Equal(pack.Citation, reloaded.Citation);
        Assert.Equal(pack.Defines.Select(d => (d.Name, d.Expression.Text)), reloaded.Defines.Select(d => (d.Name, d.Expression.Text)));
        Assert.Equal(pack.Cards.Select(c => (c.Id, c.When.Text, c.Indicator, c.Summary.Source)), reloaded.Cards.Select(c => (c.Id, c.When.Text, c.Indicator, c.Summary.Source)));
        Assert.Equal(Criteria(pack).Select(c => (c.Criterion.Id, c.Criterion.When?.Text)), Criteria(reloaded).Select(c => (c.Criterion.Id, c.Criterion.When?.Text)));
    }

    [Theory]
    [MemberData(nameof(PublishingFixture.PackIds), MemberType = typeof(PublishingFixture))]
    public void The_plan_definition_fields_give_back_the_pack_ids_versions_expressions_and_citation(string packId)
    {
        var (pack, exported, _) = Export(packId);
        var plan = exported.PlanDefinition;
        Assert.Equal(pack.Id, plan.Id);
        Assert.Equal($"https://tacecds.org/fhir/PlanDefinition/{pack.Id}", plan.Url);
        Assert.Equal(pack.Version, plan.Version);
        Assert.Equal(pack.Title, plan.Title);
        Assert.Equal("eca-rule", plan.Type.Coding.Single().Code);
        Assert.Equal([$"https://tacecds.org/fhir/Library/{pack.Id}|{pack.Version}"], plan.Library);
        Assert.Equal(pack.Evidence, plan.Topic.Single().Coding.Single(c => c.System == Canonicals.EvidenceLevels).Code);
        Assert.Equal(["109841003", "441525007"], plan.UseContext.Select(u => ((CodeableConcept)u.Value).Coding.Single().Code));

        var citation = plan.RelatedArtifact.Single(r => r.Type == RelatedArtifact.RelatedArtifactType.Citation);
        Assert.Equal(pack.Citation.Text, citation.Citation);
        Assert.Equal(pack.Citation.Link, citation.Url);
        Assert.Equal(pack.Uses.Select(u => Canonicals.PlanDefinition(u.Id)),
            plan.RelatedArtifact.Where(r => r.Type == RelatedArtifact.RelatedArtifactType.DependsOn).Select(r => r.Resource));

        foreach (var card in pack.Cards)
        {
            var action = exported.Action(PackPlanDefinition.CardPrefix + card.Id);
            Assert.Equal([card.When.Text], action.Condition.Select(c => c.Expression.Expression_));
            Assert.All(action.Condition, c => Assert.Equal(("text/fhirpath", ActionConditionKind.Applicability), (c.Expression.Language, c.Kind)));
            Assert.Equal(card.Indicator, PackPlanDefinition.Indicator(action.Priority));
            Assert.Equal(card.Summary.Source, action.Title);
            Assert.Equal(TemplateExpression.ToFhirPath(card.Summary), action.DynamicValue.Single(d => d.Path == "action.title").Expression.Expression_);
        }
        if (pack.Definition is { } definition)
        {
            var action = exported.Action(PackPlanDefinition.DefinitionActionId);
            Assert.Equal(definition.Title, action.Title);
            Assert.Equal(pack.ApplicabilityWhen?.Text, action.Condition.SingleOrDefault()?.Expression.Expression_);
            Assert.Equal(definition.Combine == CriteriaCombination.All ? ActionSelectionBehavior.All : ActionSelectionBehavior.Any, action.SelectionBehavior);
        }
        foreach (var (prefix, criterion) in Criteria(pack))
        {
            var action = exported.Action(prefix + criterion.Id);
            Assert.Equal(criterion.Title, action.Title);
            Assert.Equal(criterion.Requires.Select(r => r.Text), ExportedPack.Conditions(action, PackPlanDefinition.RequiresDescription));
            Assert.Equal(criterion.When is { } w ? [w.Text] : [], ExportedPack.Conditions(action, PackPlanDefinition.WhenDescription));
            Assert.Equal(criterion.Citation?.Link, action.Documentation.SingleOrDefault(d => d.Type == RelatedArtifact.RelatedArtifactType.Citation)?.Url);
        }
        Assert.Equal(pack.Defines.Select(d => (d.Name, d.Expression.Text)), exported.Library.Parameter.Select(p => (p.Name, p.Documentation)));
        Assert.Equal(pack.Version, exported.Library.Version);
        Assert.Equal("logic-library", exported.Library.Type.Coding.Single().Code);
    }

    private static IEnumerable<(string Prefix, Criterion Criterion)> Criteria(RulePack pack) =>
        (pack.Definition?.Criteria.Select(c => (PackPlanDefinition.CriterionPrefix, c)) ?? [])
        .Concat(pack.Model?.Applicable.Select(c => (PackPlanDefinition.ApplicablePrefix, c)) ?? []);
}
