using System.Text.Json;
using TaceCds.FhirPath;
using TaceCds.Publishing.Packs;

namespace TaceCds.Publishing.Tests.Packs;

/// <summary>The FHIRPath a PlanDefinition carries is FHIRPath: it compiles, and a card's summary evaluates to the card's text.</summary>
public class PlanDefinitionExpressionTests
{
    [Theory]
    [MemberData(nameof(PublishingFixture.PackIds), MemberType = typeof(PublishingFixture))]
    public void Every_condition_and_dynamic_value_compiles_as_fhirpath(string packId)
    {
        var plan = PackPlanDefinition.Build(PublishingFixture.Rules.Packs.Single(p => p.Id == packId));
        var expressions = Flatten(plan.Action).SelectMany(a => a.Condition.Select(c => c.Expression).Concat(a.DynamicValue.Select(d => d.Expression))).ToList();
        Assert.NotEmpty(expressions);
        Assert.All(expressions, e =>
        {
            Assert.Equal("text/fhirpath", e.Language);
            FhirPathCompiler.Compile(e.Expression_);
        });
    }

    [Fact]
    public void Given_the_cci_assessment_due_card_when_its_summary_value_is_evaluated_with_the_window_then_it_reads_as_the_card()
    {
        var pack = PublishingFixture.Rules.Packs.Single(p => p.Id == "cci-2022");
        var action = PackPlanDefinition.Build(pack).Action.Single(a => a.ElementId == "card:assessment-due");
        var summary = FhirPathCompiler.Compile(action.DynamicValue.Single(d => d.Path == "action.title").Expression.Expression_);

        // Last session 2025-04-10: the window is 1 to 3 calendar months after it (clinical-reference.md §2).
        var context = new FhirPathContext(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero))
            .SetVariable("windowStart", new DateOnly(2025, 5, 10)).SetVariable("windowEnd", new DateOnly(2025, 7, 10)).SetVariable("lastSession", new DateOnly(2025, 4, 10));
        var text = summary.Evaluate(JsonDocument.Parse("{}").RootElement, context).Single().ToString();

        Assert.Equal("CCI 2022 assessment due: contrast CT/MR between 2025-05-10 and 2025-07-10 (1 to 3 months after TACE on 2025-04-10)", text);
    }

    [Theory]
    [InlineData("it's", @"'it\'s'")]
    [InlineData("a\\b", @"'a\\b'")]
    [InlineData("line\nnext", @"'line\nnext'")]
    public void A_template_literal_becomes_an_escaped_fhirpath_string(string literal, string expected) =>
        Assert.Equal(expected, TemplateExpression.Literal(literal));

    private static IEnumerable<Hl7.Fhir.Model.PlanDefinition.ActionComponent> Flatten(IEnumerable<Hl7.Fhir.Model.PlanDefinition.ActionComponent> actions) =>
        actions.SelectMany(a => Flatten(a.Action).Prepend(a));
}
