using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Operators;

/// <summary><c>|</c> (union), <c>in</c> and <c>contains</c> (FHIRPath N1, Collections).</summary>
internal static class CollectionOperators
{
    /// <summary>
    /// Distinctness is checked pairwise (FHIRPath equality is not a hash equality: 1 = 1.0, 1 'g' = 1000 'mg'),
    /// so it is quadratic; beyond this many comparisons the operation fails (FP206) rather than run for minutes.
    /// </summary>
    private const long MaxComparisons = 50_000_000;

    public static void CheckSize(long left, long right, string operation)
    {
        if (left * right > MaxComparisons)
            throw new FhirPathException(FhirPathErrorCodes.LimitExceeded,
                $"{operation} over {left} and {right} items needs too many comparisons", subExpression: operation);
    }

    public static IReadOnlyList<FhirPathValue> Union(IReadOnlyList<FhirPathValue> left, IReadOnlyList<FhirPathValue> right)
    {
        CheckSize(left.Count + right.Count, left.Count + right.Count, "union");
        var result = new List<FhirPathValue>(left.Count + right.Count);
        AddDistinct(result, left);
        AddDistinct(result, right);
        return result;
    }

    public static void AddDistinct(List<FhirPathValue> result, IReadOnlyList<FhirPathValue> items)
    {
        CheckSize(result.Count + items.Count, items.Count, "distinct");
        for (var iItem = 0; iItem < items.Count; iItem++)
        {
            var item = items[iItem];
            if (!Contains(result, item))
                result.Add(item);
        }
    }

    public static bool Contains(IReadOnlyList<FhirPathValue> collection, FhirPathValue item)
    {
        for (var iExisting = 0; iExisting < collection.Count; iExisting++)
        {
            var existing = collection[iExisting];
            if (Equality.AreEqual(existing, item) == true)
                return true;
        }
        return false;
    }

    /// <summary><c>item in collection</c>: empty item gives empty; more than one item is an error.</summary>
    public static IReadOnlyList<FhirPathValue> In(IReadOnlyList<FhirPathValue> item, IReadOnlyList<FhirPathValue> collection, string text)
    {
        if (item.Count == 0)
            return [];
        if (item.Count > 1)
            throw new FhirPathException(FhirPathErrorCodes.SingletonExpected, "the left operand of 'in' must be a single item", subExpression: text);
        return BooleanValue.Collection(Contains(collection, item[0]));
    }
}
