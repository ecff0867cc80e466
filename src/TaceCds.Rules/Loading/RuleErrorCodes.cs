namespace TaceCds.Rules.Loading;

/// <summary>
/// Stable error codes. RULE1xx: a rule pack could not be loaded (the whole load fails, listing every error).
/// RULE2xx: a problem while evaluating a loaded pack for one patient (reported, never a crash).
/// Documented in docs/rule-authoring.md; never renumber.
/// </summary>
public static class RuleErrorCodes
{
    public const string YamlSyntax = "RULE101";
    public const string UnknownKey = "RULE102";
    public const string MissingKey = "RULE103";
    public const string WrongNodeKind = "RULE104";
    public const string BadEnumValue = "RULE105";
    public const string BadFhirPath = "RULE106";
    public const string UnknownVariable = "RULE107";
    public const string DefineCycle = "RULE108";
    public const string SummaryTooLong = "RULE109";
    public const string BadPlaceholder = "RULE110";
    public const string DuplicateId = "RULE111";
    public const string BadValue = "RULE112";
    public const string BadTestVector = "RULE113";
    public const string NoRules = "RULE114";
    public const string UnknownPack = "RULE115";
    public const string PackCycle = "RULE116";
    public const string UndeclaredPackRead = "RULE117";

    public const string EvaluationFailed = "RULE201";
    public const string NotBoolean = "RULE202";
    public const string SummaryTruncated = "RULE203";
    public const string ModelArithmetic = "RULE204";
    public const string VectorFailed = "RULE205";
}
