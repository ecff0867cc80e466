using TaceCds.FhirPath.Evaluation;
using TaceCds.FhirPath.Model;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>One invocation of a function: its input collection and its (unevaluated) arguments.</summary>
internal sealed class FunctionCall(EvaluationScope scope, IReadOnlyList<FhirPathValue> input, Evaluator[] arguments, string text,
    TypeSpecifier? type, bool hasTarget, bool[]? descending)
{
    /// <summary>True for <c>x.f()</c>, false for <c>f()</c> applied to the current focus.</summary>
    public bool HasTarget { get; } = hasTarget;

    /// <summary>For sort(): which key arguments were written with a leading minus.</summary>
    public bool[]? Descending { get; } = descending;

    public EvaluationScope Scope { get; } = scope;
    public IReadOnlyList<FhirPathValue> Input { get; } = input;
    public int ArgumentCount => arguments.Length;
    /// <summary>The source text of the call, for error messages.</summary>
    public string Text { get; } = text;
    /// <summary>The type argument of is/as/ofType.</summary>
    public TypeSpecifier? Type { get; } = type;

    /// <summary>Evaluates argument <paramref name="index"/> with <c>$this</c> as its focus.</summary>
    public IReadOnlyList<FhirPathValue> Argument(int index) => arguments[index](Scope, Scope.This);

    /// <summary>Evaluates argument <paramref name="index"/> for one input item (where, select, all, ...).</summary>
    private EvaluationScope? _lambdaScope;

    public IReadOnlyList<FhirPathValue> Lambda(int index, FhirPathValue item, int itemIndex, IReadOnlyList<FhirPathValue>? total = null)
    {
        FhirPathValue[] single = [item];
        if (_lambdaScope is null)
            _lambdaScope = Scope.ForItems(single, itemIndex, total);
        else
            _lambdaScope.MoveTo(single, itemIndex, total);
        return arguments[index](_lambdaScope, single);
    }

    /// <summary>Evaluates an argument with an explicit scope and focus (iif).</summary>
    public IReadOnlyList<FhirPathValue> ArgumentIn(int index, EvaluationScope scope, IReadOnlyList<FhirPathValue> focus) =>
        arguments[index](scope, focus);

    public FhirPathValue? SingleArgument(int index)
    {
        var values = Argument(index);
        if (values.Count > 1)
            throw new FhirPathException(FhirPathErrorCodes.SingletonExpected, $"argument {index + 1} must be a single item but has {values.Count}", subExpression: Text);
        return values.Count == 0 ? null : values[0];
    }

    public FhirPathValue? SingleInput() => Single(Input, "input");

    public FhirPathValue? Single(IReadOnlyList<FhirPathValue> values, string what)
    {
        if (values.Count > 1)
            throw new FhirPathException(FhirPathErrorCodes.SingletonExpected, $"{what} must be a single item but has {values.Count}", subExpression: Text);
        return values.Count == 0 ? null : values[0];
    }

    public string? StringArgument(int index) => SingleArgument(index) switch
    {
        null => null,
        StringValue s => s.Value,
        var other => throw Error(FhirPathErrorCodes.TypeMismatch, $"argument {index + 1} must be a String, not {other.TypeName}"),
    };

    public long? IntegerArgument(int index) => SingleArgument(index) switch
    {
        null => null,
        IntegerValue i => i.Value,
        var other => throw Error(FhirPathErrorCodes.TypeMismatch, $"argument {index + 1} must be an Integer, not {other.TypeName}"),
    };

    public FhirPathException Error(string code, string message) => new(code, message, subExpression: Text);
}
