using System.Text.Json;
using TaceCds.FhirPath.Evaluation;
using TaceCds.FhirPath.Model;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath;

/// <summary>A compiled FHIRPath expression. Immutable and thread-safe; obtain through <see cref="FhirPathCompiler.Compile"/>.</summary>
public sealed class FhirPathExpression
{
    private readonly Evaluator _evaluator;

    internal FhirPathExpression(string text, Evaluator evaluator)
    {
        Text = text;
        _evaluator = evaluator;
    }

    public string Text { get; }

    /// <summary>Evaluates with <paramref name="focus"/> (a resource, fact-tree object, or Undefined for none) as the input.</summary>
    public IReadOnlyList<FhirPathValue> Evaluate(JsonElement focus, FhirPathContext context)
    {
        var root = focus.ValueKind == JsonValueKind.Undefined ? [] : JsonNavigator.FromRoot(focus);
        return Evaluate(root, context);
    }

    /// <summary>Evaluates with an already-converted input collection.</summary>
    public IReadOnlyList<FhirPathValue> Evaluate(IReadOnlyList<FhirPathValue> focus, FhirPathContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resource = context.Resource is { } r ? JsonNavigator.FromRoot(r) : focus;
        var rootResource = context.RootResource is { } rr ? JsonNavigator.FromRoot(rr) : resource;
        var scope = new EvaluationScope(context, focus, resource, rootResource);
        try
        {
            return _evaluator(scope, focus);
        }
        catch (FhirPathException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidCastException or ArgumentException or OverflowException
                                      or FormatException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new FhirPathException(FhirPathErrorCodes.Internal, $"evaluation failed: {e.Message}", subExpression: Text);
        }
    }

    /// <summary>
    /// Evaluates a condition: empty is null (unknown), a single Boolean is its value; anything else is an error
    /// (FP201 for several items, FP202 for a non-Boolean).
    /// </summary>
    public bool? EvaluateBoolean(JsonElement focus, FhirPathContext context) => ToBoolean(Evaluate(focus, context));

    public bool? EvaluateBoolean(IReadOnlyList<FhirPathValue> focus, FhirPathContext context) => ToBoolean(Evaluate(focus, context));

    private bool? ToBoolean(IReadOnlyList<FhirPathValue> result) => result.Count switch
    {
        0 => null,
        1 when result[0] is BooleanValue b => b.Value,
        1 => throw new FhirPathException(FhirPathErrorCodes.TypeMismatch, $"condition gave a {result[0].TypeName}, not a Boolean", subExpression: Text),
        _ => throw new FhirPathException(FhirPathErrorCodes.SingletonExpected, $"condition gave {result.Count} items, not one Boolean", subExpression: Text),
    };

    public override string ToString() => Text;
}
