namespace TaceCds.Rules.Model;

/// <summary>
/// A published model as data: optionally once per item (<c>for-each</c>, e.g. per lesion), with applicability criteria and
/// one or more of: logistic regression, relative odds (no intercept published), classification cases, a points table.
/// </summary>
public sealed record ModelRule(
    RuleExpression? ForEach, string As, NamedRuleExpression? Key, IReadOnlyList<Define> Defines, IReadOnlyList<Criterion> Applicable,
    LogisticModel? Logistic, RelativeOddsModel? RelativeOdds, ClassifyModel? Classify, PointsModel? Points,
    IReadOnlyList<NamedRuleExpression> Values, string? Population, string? Performance);

/// <summary>A model input: its expression, unit, and the published coefficient (logistic) or odds ratio per unit.</summary>
public sealed record ModelTerm(string Name, string Label, RuleExpression Value, string? Unit, double? Coefficient, double? OddsRatio,
    double? CiLow, double? CiHigh, double Reference);

/// <summary>logit P = intercept + Σ coefficient × value. The intercept may be replaced by a locally calibrated one.</summary>
public sealed record LogisticModel(string Output, double Intercept, IReadOnlyList<ModelTerm> Terms);

/// <summary>Odds relative to a reference patient: Π OR^(value − reference). With a calibrated intercept, also a probability.</summary>
public sealed record RelativeOddsModel(string Output, string? ProbabilityOutput, IReadOnlyList<ModelTerm> Terms);

public sealed record ClassifyModel(string Output, IReadOnlyList<(RuleExpression When, string Value)> Cases, string Otherwise);

public sealed record PointsModel(string Output, IReadOnlyList<(string Name, RuleExpression When, double Points)> Items);
