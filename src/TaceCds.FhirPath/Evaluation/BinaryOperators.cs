using TaceCds.FhirPath.Operators;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Evaluation;

/// <summary>Binds each binary operator to its implementation, with the spec's empty-collection rules.</summary>
internal static class BinaryOperators
{
    private static readonly IReadOnlyList<FhirPathValue> Empty = [];

    public static Evaluator Compile(string op, Evaluator left, Evaluator right, string text, string leftText, string rightText)
    {
        switch (op)
        {
            case "=":
            case "!=":
            {
                var negate = op == "!=";
                return (s, f) => Equality.CollectionsEqual(left(s, f), right(s, f)) is { } eq ? [BooleanValue.Of(eq != negate)] : Empty;
            }
            case "~":
            case "!~":
            {
                var negate = op == "!~";
                return (s, f) => [BooleanValue.Of(Equality.CollectionsEquivalent(left(s, f), right(s, f)) != negate)];
            }
            case "<" or ">" or "<=" or ">=":
                return (s, f) =>
                {
                    var a = Compiler.Single(left(s, f), leftText);
                    var b = Compiler.Single(right(s, f), rightText);
                    if (a is null || b is null || Comparison.Compare(a, b, text) is not { } c)
                        return Empty;
                    return [BooleanValue.Of(op switch { "<" => c < 0, ">" => c > 0, "<=" => c <= 0, _ => c >= 0 })];
                };
            case "+" or "-" or "*" or "/" or "div" or "mod":
                return (s, f) =>
                {
                    var a = Compiler.Single(left(s, f), leftText);
                    var b = Compiler.Single(right(s, f), rightText);
                    return a is null || b is null ? Empty : Arithmetic.Apply(op, a, b, text);
                };
            case "&":
                return (s, f) => [new StringValue(AsString(left(s, f), leftText) + AsString(right(s, f), rightText))];
            case "|":
                return (s, f) => CollectionOperators.Union(left(s, f), right(s, f));
            case "in":
                return (s, f) => CollectionOperators.In(left(s, f), right(s, f), leftText);
            case "contains":
                return (s, f) => CollectionOperators.In(right(s, f), left(s, f), rightText);
            case "and":
                return (s, f) =>
                {
                    var a = BooleanLogic.ToBoolean(left(s, f), leftText);
                    return a == false ? [BooleanValue.False] : BooleanLogic.Result(BooleanLogic.And(a, BooleanLogic.ToBoolean(right(s, f), rightText)));
                };
            case "or":
                return (s, f) =>
                {
                    var a = BooleanLogic.ToBoolean(left(s, f), leftText);
                    return a == true ? [BooleanValue.True] : BooleanLogic.Result(BooleanLogic.Or(a, BooleanLogic.ToBoolean(right(s, f), rightText)));
                };
            case "xor":
                return (s, f) => BooleanLogic.Result(BooleanLogic.Xor(BooleanLogic.ToBoolean(left(s, f), leftText), BooleanLogic.ToBoolean(right(s, f), rightText)));
            case "implies":
                return (s, f) =>
                {
                    var a = BooleanLogic.ToBoolean(left(s, f), leftText);
                    return a == false ? [BooleanValue.True] : BooleanLogic.Result(BooleanLogic.Implies(a, BooleanLogic.ToBoolean(right(s, f), rightText)));
                };
            default:
                throw new FhirPathException(FhirPathErrorCodes.Syntax, $"unknown operator '{op}'", subExpression: text);
        }
    }

    private static string AsString(IReadOnlyList<FhirPathValue> values, string text) => Compiler.Single(values, text) switch
    {
        null => "",
        StringValue s => s.Value,
        var other => throw new FhirPathException(FhirPathErrorCodes.TypeMismatch, $"'&' needs Strings, not {other.TypeName}", subExpression: text),
    };
}
