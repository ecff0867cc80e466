using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Operators;

/// <summary>Three-valued logic (FHIRPath N1, Boolean logic); null is the empty collection.</summary>
internal static class BooleanLogic
{
    /// <summary>
    /// Singleton evaluation of collections for a Boolean context: empty is null, a single Boolean is its value,
    /// any other single item is true, more than one item is an error.
    /// </summary>
    public static bool? ToBoolean(IReadOnlyList<FhirPathValue> collection, string text)
    {
        return collection.Count switch
        {
            0 => null,
            1 => collection[0] is BooleanValue b ? b.Value : true,
            _ => throw new FhirPathException(FhirPathErrorCodes.SingletonExpected,
                $"expected a single Boolean but found {collection.Count} items", subExpression: text),
        };
    }

    public static bool? And(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;

    public static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a == false && b == false ? false : null;

    public static bool? Xor(bool? a, bool? b) => a is null || b is null ? null : a != b;

    public static bool? Implies(bool? a, bool? b) => a == false ? true : a == true ? b : b == true ? true : null;

    public static IReadOnlyList<FhirPathValue> Result(bool? value) => value is { } v ? [BooleanValue.Of(v)] : [];
}
