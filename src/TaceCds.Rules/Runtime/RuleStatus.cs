namespace TaceCds.Rules.Runtime;

/// <summary>The three outcomes of a definition or criterion, as written in the EvaluationResult.</summary>
public static class RuleStatus
{
    public const string Met = "met";
    public const string NotMet = "not-met";
    public const string InsufficientData = "insufficient-data";

    public static string Of(bool? value) => value switch { true => Met, false => NotMet, null => InsufficientData };
}
