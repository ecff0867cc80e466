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
        add("first", 0, 0, c => c.Input.Count == 0 ? [] : [c.Input[0]]);
        add("last", 0, 0, c => c.Input.Count == 0 ? [] : [c.Input[^1]]);
        add("tail", 0, 0, c => c.Input.Skip(1).ToList());
        add("skip", 1, 1, c => c.IntegerArgument(0) is { } n ? c.Input.Skip((int)Math.Max(0, n)).ToList() : []);
        add("take", 1, 1, c => c.IntegerArgument(0) is { } n ? c.Input.Take((int)Math.Max(0, n)).ToList() : []);
        add("intersect", 1, 1, c =>
        {
            var other = c.Argument(0);
            var result = new List<FhirPathValue>();
            foreach (var item in c.Input)
            {
                if (CollectionOperators.Contains(other, item) && !CollectionOperators.Contains(result, item))
                    result.Add(item);
            }
            return result;
        });
        add("exclude", 1, 1, c =>
        {
            var other = c.Argument(0);
            return c.Input.Where(item => !CollectionOperators.Contains(other, item)).ToList();
        });
    }
}
