using TaceCds.FhirPath.Operators;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>FHIRPath N1 §5.3 Subsetting (the indexer <c>[ ]</c> is compiled directly).</summary>
internal static class SubsettingFunctions
{
    public static void Register(Registrar add)
    {
        add("single", 0, 0, c => c.Input.Count switch
        {
            0 => [],
            1 => c.Input,
            _ => throw c.Error(FhirPathErrorCodes.SingletonExpected, $"single() found {c.Input.Count} items"),
        });
        add("sort", 0, int.MaxValue, Sort);
        add("first", 0, 0, c => c.Input.Count == 0 ? [] : [c.Input[0]]);
        add("last", 0, 0, c => c.Input.Count == 0 ? [] : [c.Input[^1]]);
        add("tail", 0, 0, c => c.Input.Skip(1).ToList());
        add("skip", 1, 1, c => c.IntegerArgument(0) is { } n ? c.Input.Skip((int)Math.Max(0, n)).ToList() : []);
        add("take", 1, 1, c => c.IntegerArgument(0) is { } n ? c.Input.Take((int)Math.Max(0, n)).ToList() : []);
        add("intersect", 1, 1, c =>
        {
            var other = c.Argument(0);
            CollectionOperators.CheckSize(c.Input.Count, other.Count + c.Input.Count, "intersect");
            var result = new List<FhirPathValue>();
            for (var iItem = 0; iItem < c.Input.Count; iItem++)
            {
                var item = c.Input[iItem];
                if (CollectionOperators.Contains(other, item) && !CollectionOperators.Contains(result, item))
                    result.Add(item);
            }
            return result;
        });
        add("exclude", 1, 1, c =>
        {
            var other = c.Argument(0);
            CollectionOperators.CheckSize(c.Input.Count, other.Count, "exclude");
            return c.Input.Where(item => !CollectionOperators.Contains(other, item)).ToList();
        });
    }

    /// <summary>sort([key, -key...]) (FHIRPath 2.0): stable; empty keys first; a leading minus sorts that key descending.</summary>
    private static IReadOnlyList<FhirPathValue> Sort(FunctionCall c)
    {
        var keyCount = Math.Max(1, c.ArgumentCount);
        var keyed = new List<(FhirPathValue Item, FhirPathValue?[] Keys, int Index)>(c.Input.Count);
        for (var i = 0; i < c.Input.Count; i++)
        {
            var keys = new FhirPathValue?[keyCount];
            for (var k = 0; k < keyCount; k++)
                keys[k] = c.ArgumentCount == 0 ? c.Input[i] : c.Single(c.Lambda(k, c.Input[i], i), "sort key");
            keyed.Add((c.Input[i], keys, i));
        }
        keyed.Sort((x, y) =>
        {
            for (var k = 0; k < keyCount; k++)
            {
                var (a, b) = (x.Keys[k], y.Keys[k]);
                if (a is null || b is null)
                {
                    if (a is null && b is null)
                        continue;
                    return a is null ? -1 : 1; // empty keys come first in either direction
                }
                var order = Comparison.Compare(a, b, c.Text) ?? 0;
                if (order != 0)
                    return c.Descending is { } d && k < d.Length && d[k] ? -order : order;
            }
            return x.Index.CompareTo(y.Index);
        });
        return keyed.Select(k => k.Item).ToList();
    }
}
