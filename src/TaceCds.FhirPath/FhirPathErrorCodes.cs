namespace TaceCds.FhirPath;

/// <summary>Stable error codes. FP1xx: syntax and compilation; FP2xx: evaluation. Never renumber.</summary>
public static class FhirPathErrorCodes
{
    /// <summary>Unexpected or malformed token (unbalanced brackets, trailing operator...).</summary>
    public const string Syntax = "FP101";
    /// <summary>A string, quoted identifier or comment is not terminated.</summary>
    public const string Unterminated = "FP102";
    /// <summary>A literal (date, time, number, escape) is malformed.</summary>
    public const string BadLiteral = "FP103";
    /// <summary>Expression nests deeper than the parser allows.</summary>
    public const string TooDeep = "FP104";
    /// <summary>Expression text exceeds the maximum length.</summary>
    public const string TooLong = "FP105";
    /// <summary>Unknown function name.</summary>
    public const string UnknownFunction = "FP110";
    /// <summary>Wrong number of arguments for a function.</summary>
    public const string WrongArity = "FP111";
    /// <summary>Invalid type specifier in is/as/ofType.</summary>
    public const string BadTypeSpecifier = "FP112";

    /// <summary>A singleton was required but the collection has more than one item.</summary>
    public const string SingletonExpected = "FP201";
    /// <summary>An operand or argument has a type the operation does not accept.</summary>
    public const string TypeMismatch = "FP202";
    /// <summary>Units cannot be combined (e.g. a date plus a non-calendar UCUM unit).</summary>
    public const string IncompatibleUnits = "FP203";
    /// <summary>An undefined %variable was referenced.</summary>
    public const string UnknownVariable = "FP204";
    /// <summary>An argument value is invalid (e.g. a bad regular expression).</summary>
    public const string InvalidArgument = "FP205";
    /// <summary>Evaluation exceeded a resource bound (result size, regex time, recursion).</summary>
    public const string LimitExceeded = "FP206";
    /// <summary>An unexpected failure inside the engine (a bug): reported, never thrown as a raw exception.</summary>
    public const string Internal = "FP299";
}
