using TaceCds.FhirPath.Functions;
using TaceCds.FhirPath.Model;
using TaceCds.FhirPath.Operators;
using TaceCds.FhirPath.Syntax;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Evaluation;

/// <summary>Turns the syntax tree into nested delegates, resolving functions, types and operators once, at compile time.</summary>
internal sealed class Compiler(string text)
{
    private static readonly IReadOnlyList<FhirPathValue> Empty = [];


    public Evaluator Compile(SyntaxNode node) => node switch
    {
        LiteralNode { Value: null } => static (_, _) => Empty,
        LiteralNode literal => Constant(literal.Value!),
        MemberNode member => CompileMember(member),
        FunctionNode function => CompileFunction(function),
        IndexerNode indexer => CompileIndexer(indexer),
        UnaryNode unary => CompileUnary(unary),
        BinaryNode binary => CompileBinary(binary),
        TypeOperatorNode typeOp => CompileTypeOperator(typeOp),
        VariableNode variable => CompileVariable(variable),
        SpecialNode special => special.Name switch
        {
            "this" => static (scope, _) => scope.This,
            "index" => static (scope, _) => [new IntegerValue(scope.Index)],
            _ => static (scope, _) => scope.Total ?? Empty,
        },
        _ => throw new FhirPathException(FhirPathErrorCodes.Internal, $"unsupported node {node.GetType().Name}", node.Start),
    };

    private string TextOf(SyntaxNode node) => text[node.Start..Math.Min(node.End, text.Length)];

    private static Evaluator Constant(FhirPathValue value)
    {
        IReadOnlyList<FhirPathValue> result = [value];
        return (_, _) => result;
    }

    /// <summary>
    /// A path of member names (<c>a.b.c</c>) compiles to one loop over the steps: no delegate call or result array per
    /// intermediate step. The evaluation's per-thread scratch lists carry the items (see <see cref="ScratchLists"/>).
    /// </summary>
    private Evaluator CompileMember(MemberNode node)
    {
        var steps = new List<MemberNode>();
        SyntaxNode? current = node;
        while (current is MemberNode m)
        {
            steps.Add(m);
            current = m.Target;
        }
        steps.Reverse();
        var root = current is null ? null : Compile(current);
        var members = steps.Select(m => new MemberName(m.Name)).ToArray();
        var paths = steps.Select(m => TextOf(m).TrimStart('%')).ToArray();
        var firstName = steps[0].Name;
        // At the start of a path a capitalised name may be the type of the focus: Patient.name on a Patient.
        var mayBeType = root is null && firstName.Length > 0 && char.IsAsciiLetterUpper(firstName[0]);
        return (scope, focus) =>
        {
            var input = root is null ? focus : root(scope, focus);
            if (input.Count == 0)
                return Empty;
            var from = scope.Scratch.A;
            var to = scope.Scratch.B;
            IReadOnlyList<FhirPathValue> items = input;
            for (var step = 0; step < members.Length; step++)
            {
                to.Clear();
                var member = members[step];
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    if (step == 0 && mayBeType && item.FhirType is { } type && FhirTypeHierarchy.IsSubtypeOf(type, firstName))
                        to.Add(item);
                    else
                        JsonNavigator.Member(item, member, to);
                }
                if (to.Count == 0)
                {
                    from.Clear();
                    scope.Context.MissingMember?.Invoke(paths[step]);
                    return Empty;
                }
                (from, to) = (to, from);
                items = from;
            }
            var result = from.ToArray();
            from.Clear();
            to.Clear();
            return result;
        };
    }

    private Evaluator CompileFunction(FunctionNode node)
    {
        var definition = FunctionRegistry.Find(node.Name)
            ?? throw new FhirPathException(FhirPathErrorCodes.UnknownFunction, $"unknown function '{node.Name}'", node.Start);
        if (node.Arguments.Count < definition.MinArguments || node.Arguments.Count > definition.MaxArguments)
        {
            var expected = definition.MinArguments == definition.MaxArguments
                ? definition.MinArguments.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : $"{definition.MinArguments} to {definition.MaxArguments}";
            throw new FhirPathException(FhirPathErrorCodes.WrongArity,
                $"function '{node.Name}' takes {expected} argument(s) but got {node.Arguments.Count}", node.Start);
        }
        var callText = TextOf(node);
        TypeSpecifier? type = null;
        Evaluator[] arguments;
        bool[]? descending = null;
        if (node.Name is "is" or "as" or "ofType")
        {
            type = TypeSpecifier.Parse(TypeName(node.Arguments[0]), callText);
            arguments = [];
        }
        else if (node.Name == "sort")
        {
            // sort(-key) sorts descending: the minus is a direction marker, not a negation (strings sort too).
            descending = node.Arguments.Select(a => a is UnaryNode { Operator: "-" }).ToArray();
            arguments = node.Arguments.Select(a => Compile(a is UnaryNode { Operator: "-" } u ? u.Operand : a)).ToArray();
        }
        else
        {
            arguments = node.Arguments.Select(Compile).ToArray();
        }
        var target = node.Target is null ? null : Compile(node.Target);
        if (InputOnly(node.Name, type, arguments.Length) is { } direct)
            return target is null ? (_, focus) => direct(focus) : (scope, focus) => direct(target(scope, focus));
        var body = definition.Body;
        var hasTarget = target is not null;
        return (scope, focus) =>
        {
            var input = target is null ? focus : target(scope, focus);
            return body(new FunctionCall(scope, input, arguments, callText, type, hasTarget, descending));
        };
    }

    /// <summary>
    /// Functions that depend on their input only are bound directly, without a per-call <see cref="FunctionCall"/>;
    /// they are common in conditions (value.ofType(Quantity), assessments.last(), x.exists()). Same results as the
    /// registered bodies, which remain the reference implementations.
    /// </summary>
    private static Func<IReadOnlyList<FhirPathValue>, IReadOnlyList<FhirPathValue>>? InputOnly(string name, TypeSpecifier? type, int argumentCount)
    {
        if (argumentCount != 0)
            return null;
        return name switch
        {
            "ofType" when type is not null => input =>
            {
                for (var i = 0; i < input.Count; i++)
                {
                    if (!type.Matches(input[i]))
                        return FilterByType(input, type);
                }
                return input;
            },
            "first" => static input => input.Count == 0 ? Empty : input.Count == 1 ? input : [input[0]],
            "last" => static input => input.Count == 0 ? Empty : input.Count == 1 ? input : [input[^1]],
            "count" => static input => [new IntegerValue(input.Count)],
            "empty" => static input => BooleanValue.Collection(input.Count == 0),
            "exists" => static input => BooleanValue.Collection(input.Count > 0),
            _ => null,
        };
    }

    private static IReadOnlyList<FhirPathValue> FilterByType(IReadOnlyList<FhirPathValue> input, TypeSpecifier type)
    {
        var result = new List<FhirPathValue>(input.Count);
        for (var i = 0; i < input.Count; i++)
        {
            if (type.Matches(input[i]))
                result.Add(input[i]);
        }
        return result;
    }

    /// <summary>The type argument of is()/as()/ofType() is written as a (qualified) name, not evaluated.</summary>
    private string TypeName(SyntaxNode argument) => argument switch
    {
        MemberNode { Target: null } m => m.Name,
        MemberNode { Target: MemberNode { Target: null } ns } m => ns.Name + "." + m.Name,
        _ => throw new FhirPathException(FhirPathErrorCodes.BadTypeSpecifier, $"'{TextOf(argument)}' is not a type name", argument.Start),
    };

    private Evaluator CompileIndexer(IndexerNode node)
    {
        var target = Compile(node.Target);
        var index = Compile(node.Index);
        var indexText = TextOf(node.Index);
        return (scope, focus) =>
        {
            var items = target(scope, focus);
            var position = index(scope, scope.This);
            if (position.Count == 0)
                return Empty;
            if (position.Count > 1 || position[0] is not IntegerValue i)
                throw new FhirPathException(FhirPathErrorCodes.TypeMismatch, "an index must be a single Integer", subExpression: indexText);
            return i.Value >= 0 && i.Value < items.Count ? [items[(int)i.Value]] : Empty;
        };
    }

    private Evaluator CompileUnary(UnaryNode node)
    {
        var operand = Compile(node.Operand);
        var nodeText = TextOf(node);
        var negate = node.Operator == "-";
        return (scope, focus) =>
        {
            var value = Single(operand(scope, focus), nodeText);
            return value switch
            {
                null => Empty,
                IntegerValue i => negate ? [new IntegerValue(-i.Value)] : [i],
                DecimalValue d => negate ? [new DecimalValue(-d.Value)] : [d],
                QuantityValue q => negate ? [new QuantityValue(-q.Value, q.Unit, q.IsCalendar)] : [q],
                _ => throw new FhirPathException(FhirPathErrorCodes.TypeMismatch,
                    $"unary '{node.Operator}' cannot be applied to {value.TypeName}", subExpression: nodeText),
            };
        };
    }

    private Evaluator CompileTypeOperator(TypeOperatorNode node)
    {
        var operand = Compile(node.Operand);
        var nodeText = TextOf(node);
        var type = TypeSpecifier.Parse(node.TypeName, nodeText);
        var isOperator = node.Operator == "is";
        return (scope, focus) =>
        {
            var value = Single(operand(scope, focus), nodeText);
            if (value is null)
                return Empty;
            if (isOperator)
                return BooleanValue.Collection(type.Matches(value));
            return type.Matches(value) ? [value] : Empty;
        };
    }

    private Evaluator CompileVariable(VariableNode node)
    {
        var name = node.Name;
        var nodeText = TextOf(node);
        IReadOnlyList<FhirPathValue>? constant = name switch
        {
            "ucum" => [new StringValue("http://unitsofmeasure.org")],
            "sct" => [new StringValue("http://snomed.info/sct")],
            "loinc" => [new StringValue("http://loinc.org")],
            _ when name.StartsWith("vs-", StringComparison.Ordinal) => [new StringValue("http://hl7.org/fhir/ValueSet/" + name[3..])],
            _ when name.StartsWith("ext-", StringComparison.Ordinal) => [new StringValue("http://hl7.org/fhir/StructureDefinition/" + name[4..])],
            _ => null,
        };
        return name switch
        {
            "context" => static (scope, _) => scope.Root,
            "resource" => static (scope, _) => scope.Resource,
            "rootResource" => static (scope, _) => scope.RootResource,
            _ => (scope, _) =>
            {
                if (scope.Context.Variables.TryGetValue(name, out var value))
                    return value;
                return constant ?? throw new FhirPathException(FhirPathErrorCodes.UnknownVariable, $"variable '%{name}' is not defined", subExpression: nodeText);
            },
        };
    }

    internal static FhirPathValue? Single(IReadOnlyList<FhirPathValue> values, string text) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => throw new FhirPathException(FhirPathErrorCodes.SingletonExpected,
            $"expected a single item but found {values.Count}", subExpression: text),
    };

    private Evaluator CompileBinary(BinaryNode node) => BinaryOperators.Compile(node.Operator, Compile(node.Left), Compile(node.Right),
        TextOf(node), TextOf(node.Left), TextOf(node.Right));
}
