using Hl7.Fhir.Model;
using TaceCds.Rules.Model;

namespace TaceCds.Publishing.Packs;

/// <summary>
/// A rule pack as an ECA-rule PlanDefinition (docs/fhir-artifacts.md "Rule packs as PlanDefinition and Library"):
/// one action for the definition (a sub-action per criterion), one for the model's applicability, one per card. Every
/// condition is the pack's own FHIRPath (kind applicability, <c>text/fhirpath</c>); card texts are <c>dynamicValue</c>s.
/// The expressions read the engine's variables (<c>%course</c>, <c>%scores</c>, <c>%facts</c>… and the pack's defines,
/// which the Library lists as parameters): they run on the EvaluationResult, not on raw FHIR resources.
/// </summary>
public static class PackPlanDefinition
{
    public const string DefinitionActionId = "definition";
    public const string ModelActionId = "model";
    /// <summary>Action id prefixes: the pack's own ids follow them, so the pack can be read back from the actions.</summary>
    public const string CriterionPrefix = "criterion:";
    public const string ApplicablePrefix = "applicable:";
    public const string CardPrefix = "card:";
    /// <summary>Condition descriptions that tell a criterion's required inputs from its condition.</summary>
    public const string RequiresDescription = "required input (the criterion is insufficient data without it)";
    public const string WhenDescription = "the criterion is met when this is true";

    public static PlanDefinition Build(RulePack pack)
    {
        var plan = new PlanDefinition
        {
            Id = pack.Id,
            Url = Canonicals.PlanDefinition(pack.Id),
            Version = pack.Version,
            Name = PackMetadata.Name(pack.Id),
            Title = pack.Title,
            Type = new CodeableConcept(Canonicals.PlanDefinitionType, "eca-rule", "ECA Rule", null),
            Status = PublicationStatus.Active,
            Publisher = "TaceCds",
            Description = pack.ApplicabilityText ?? pack.Title,
            UseContext = PackMetadata.Focus(),
            Topic = [PackMetadata.EvidenceTopic(pack.Evidence)],
            RelatedArtifact = [PackMetadata.Citation(pack.Citation), .. pack.Uses.Select(u => PackMetadata.DependsOn(Canonicals.PlanDefinition(u.Id)))],
            Library = [Canonicals.Library(pack.Id) + "|" + pack.Version],
        };
        if (pack.Definition is { } definition) plan.Action.Add(Definition(pack, definition));
        if (pack.Model is { } model) plan.Action.Add(Model(pack, model));
        plan.Action.AddRange(pack.Cards.Select(Card));
        return plan;
    }

    private static PlanDefinition.ActionComponent Definition(RulePack pack, DefinitionRule definition)
    {
        var action = new PlanDefinition.ActionComponent
        {
            ElementId = DefinitionActionId,
            Title = definition.Title,
            Description = pack.ApplicabilityText,
            SelectionBehavior = definition.Combine == CriteriaCombination.All ? ActionSelectionBehavior.All : ActionSelectionBehavior.Any,
        };
        if (pack.ApplicabilityWhen is { } when) action.Condition.Add(Condition(when, "the pack applies to the patient"));
        action.Action.AddRange(definition.Criteria.Select(c => Criterion(CriterionPrefix, c)));
        return action;
    }

    private static PlanDefinition.ActionComponent Model(RulePack pack, ModelRule model)
    {
        var action = new PlanDefinition.ActionComponent
        {
            ElementId = ModelActionId,
            Title = pack.Title,
            Description = string.Join(" ", new[] { model.Population, model.Performance }.OfType<string>()) is { Length: > 0 } text ? text : null,
            SelectionBehavior = ActionSelectionBehavior.All,
        };
        if (pack.ApplicabilityWhen is { } when) action.Condition.Add(Condition(when, "the pack applies to the patient"));
        if (model.ForEach is { } forEach) action.TextEquivalent = $"Evaluated once per item of {forEach.Text} (as %{model.As}).";
        action.Action.AddRange(model.Applicable.Select(c => Criterion(ApplicablePrefix, c)));
        return action;
    }

    private static PlanDefinition.ActionComponent Criterion(string prefix, Criterion criterion)
    {
        var action = new PlanDefinition.ActionComponent { ElementId = prefix + criterion.Id, Title = criterion.Title };
        foreach (var requires in criterion.Requires) action.Condition.Add(Condition(requires, RequiresDescription));
        if (criterion.When is { } when) action.Condition.Add(Condition(when, WhenDescription));
        if (criterion.Citation is { } citation) action.Documentation.Add(PackMetadata.Citation(citation));
        if (criterion.Indicator is { } indicator) action.Priority = Priority(indicator);
        return action;
    }

    private static PlanDefinition.ActionComponent Card(CardRule card)
    {
        var action = new PlanDefinition.ActionComponent
        {
            ElementId = CardPrefix + card.Id,
            Title = card.Summary.Source,
            Description = card.Detail?.Source,
            Priority = Priority(card.Indicator),
            Condition = [Condition(card.When, "the card is shown when this is true")],
        };
        if (card.ForEach is { } forEach) action.TextEquivalent = $"One card per item of {forEach.Text} (as %{card.As}).";
        action.DynamicValue.Add(Dynamic("action.title", TemplateExpression.ToFhirPath(card.Summary)));
        if (card.Detail is { } detail) action.DynamicValue.Add(Dynamic("action.description", TemplateExpression.ToFhirPath(detail)));
        action.DynamicValue.Add(Dynamic("action.priority", TemplateExpression.Literal(PriorityCode(card.Indicator))));
        action.Documentation.AddRange(card.Links.Select(l => new RelatedArtifact { Type = RelatedArtifact.RelatedArtifactType.Documentation, Label = l.Label, Url = l.Url }));
        if (card.Suggestions.Count > 0)
        {
            action.SelectionBehavior = card.SelectionBehavior == "any" ? ActionSelectionBehavior.Any : ActionSelectionBehavior.AtMostOne;
            foreach (var suggestion in card.Suggestions)
            {
                var sub = new PlanDefinition.ActionComponent { Title = suggestion.Label };
                sub.Action.AddRange(suggestion.Actions.Select(a => new PlanDefinition.ActionComponent
                {
                    Description = a.Description.Source,
                    Type = new CodeableConcept(Canonicals.ActionType, a.Type == "delete" ? "remove" : a.Type),
                }));
                action.Action.Add(sub);
            }
        }
        return action;
    }

    private static PlanDefinition.ConditionComponent Condition(RuleExpression expression, string description) => new()
    {
        Kind = ActionConditionKind.Applicability,
        Expression = new Expression { Language = Canonicals.FhirPath, Expression_ = expression.Text, Description = description },
    };

    private static PlanDefinition.DynamicValueComponent Dynamic(string path, string fhirPath) => new()
    {
        Path = path,
        Expression = new Expression { Language = Canonicals.FhirPath, Expression_ = fhirPath },
    };

    /// <summary>CDS Hooks indicator → request priority, the mapping of CDS Hooks' FHIR resource mapping: info routine, warning urgent, critical stat.</summary>
    public static RequestPriority Priority(string indicator) => indicator switch
    {
        "critical" => RequestPriority.Stat,
        "warning" => RequestPriority.Urgent,
        _ => RequestPriority.Routine,
    };

    public static string PriorityCode(string indicator) => indicator switch
    {
        "critical" => "stat",
        "warning" => "urgent",
        _ => "routine",
    };

    public static string Indicator(RequestPriority? priority) => priority switch
    {
        RequestPriority.Stat => "critical",
        RequestPriority.Urgent => "warning",
        _ => "info",
    };
}
