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
                return (s, f) => Equality.CollectionsEqual(left(s, f), right(s, f)) is { } eq ? BooleanValue.Collection(eq != negate) : Empty;
            }
            case "~":
            case "!~":
            {
                var negate = op == "!~";
                return (s, f) => BooleanValue.Collection(Equality.CollectionsEquivalent(left(s, f), right(s, f)) != negate);
            }
            case "<" or ">" or "<=" or ">=":
            {
                // The sign test is chosen once here, not per evaluation.
                Func<int, bool> test = op switch { "<" => static c => c < 0, ">" => static c => c > 0, "<=" => static c => c <= 0, _ => static c => c >= 0 };
                return (s, f) =>
                {
                    var a = Compiler.Single(left(s, f), leftText);
                    var b = Compiler.Single(right(s, f), rightText);
                    if (a is null || b is null)
                        return Empty;
                    int? order = (a, b) switch
                    {
                        (IntegerValue x, IntegerValue y) => x.Value.CompareTo(y.Value),
                        (DecimalValue x, DecimalValue y) => x.Value.CompareTo(y.Value),
                        _ => Comparison.Compare(a, b, text),
                    };
                    return order is { } c ? BooleanValue.Collection(test(c)) : Empty;
                };
            }
            case "*" or "+" or "-":
            {
                Func<decimal, decimal, decimal> decimals = op switch { "*" => static (x, y) => x * y, "+" => static (x, y) => x + y, _ => static (x, y) => x - y };
                return (s, f) =>
                {
                    var a = Compiler.Single(left(s, f), leftText);
                    var b = Compiler.Single(right(s, f), rightText);
                    if (a is null || b is null)
                        return Empty;
                    // Decimal with Decimal (or Integer) is the common rule arithmetic; everything else takes the general path.
                    if (a is DecimalValue or IntegerValue && b is DecimalValue or IntegerValue && (a is DecimalValue || b is DecimalValue))
                    {
                        try
                        {
                            return [new DecimalValue(decimals(Numbers.ToDecimal(a), Numbers.ToDecimal(b)))];
                        }
                        catch (OverflowException)
                        {
                            return Empty;
                        }
                    }
                    return Arithmetic.Apply(op, a, b, text);
                };
            }
            case "/" or "div" or "mod":
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
                    return a == false ? BooleanValue.Collection(false) : BooleanLogic.Result(BooleanLogic.And(a, BooleanLogic.ToBoolean(right(s, f), rightText)));
                };
            case "or":
                return (s, f) =>
                {
                    var a = BooleanLogic.ToBoolean(left(s, f), leftText);
                    return a == true ? BooleanValue.Collection(true) : BooleanLogic.Result(BooleanLogic.Or(a, BooleanLogic.ToBoolean(right(s, f), rightText)));
                };
            case "xor":
                return (s, f) => BooleanLogic.Result(BooleanLogic.Xor(BooleanLogic.ToBoolean(left(s, f), leftText), BooleanLogic.ToBoolean(right(s, f), rightText)));
            case "implies":
                return (s, f) =>
                {
                    var a = BooleanLogic.ToBoolean(left(s, f), leftText);
                    return a == false ? BooleanValue.Collection(true) : BooleanLogic.Result(BooleanLogic.Implies(a, BooleanLogic.ToBoolean(right(s, f), rightText)));
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
