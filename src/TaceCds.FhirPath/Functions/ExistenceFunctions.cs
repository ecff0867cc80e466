using TaceCds.FhirPath.Operators;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>FHIRPath N1 §5.1 Existence.</summary>
internal static class ExistenceFunctions
{
    public static void Register(Registrar add)
    {
        add("empty", 0, 0, c => Bool(c.Input.Count == 0));
        add("not", 0, 0, c => BooleanLogic.ToBoolean(c.Input, c.Text) is { } b ? Bool(!b) : []);
        add("exists", 0, 1, c => c.ArgumentCount == 0 ? Bool(c.Input.Count > 0) : Bool(Any(c)));
        add("all", 1, 1, All);
        add("allTrue", 0, 0, c => Bool(Booleans(c).All(b => b)));
        add("anyTrue", 0, 0, c => Bool(Booleans(c).Any(b => b)));
        add("allFalse", 0, 0, c => Bool(Booleans(c).All(b => !b)));
        add("anyFalse", 0, 0, c => Bool(Booleans(c).Any(b => !b)));
        add("subsetOf", 1, 1, c => Bool(IsSubset(c.Input, c.Argument(0))));
        add("supersetOf", 1, 1, c => Bool(IsSubset(c.Argument(0), c.Input)));
        add("count", 0, 0, c => [new IntegerValue(c.Input.Count)]);
        add("distinct", 0, 0, c =>
        {
            var result = new List<FhirPathValue>(c.Input.Count);
            CollectionOperators.AddDistinct(result, c.Input);
            return result;
        });
        add("isDistinct", 0, 0, c =>
        {
            var result = new List<FhirPathValue>(c.Input.Count);
            CollectionOperators.AddDistinct(result, c.Input);
            return Bool(result.Count == c.Input.Count);
        });
    }

    public static IReadOnlyList<FhirPathValue> Bool(bool value) => BooleanValue.Collection(value);

    private static bool Any(FunctionCall c)
    {
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (BooleanLogic.ToBoolean(c.Lambda(0, c.Input[i], i), c.Text) == true)
                return true;
        }
        return false;
    }

    private static IReadOnlyList<FhirPathValue> All(FunctionCall c)
    {
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (BooleanLogic.ToBoolean(c.Lambda(0, c.Input[i], i), c.Text) != true)
                return Bool(false);
        }
        return Bool(true);
    }

    private static IEnumerable<bool> Booleans(FunctionCall c) => c.Input.Select(v => v is BooleanValue b
        ? b.Value
        : throw c.Error(FhirPathErrorCodes.TypeMismatch, $"expected Boolean items but found {v.TypeName}"));

    private static bool IsSubset(IReadOnlyList<FhirPathValue> subset, IReadOnlyList<FhirPathValue> superset)
    {
        CollectionOperators.CheckSize(subset.Count, superset.Count, "subsetOf/supersetOf");
        return subset.All(item => CollectionOperators.Contains(superset, item));
    }
}
