using TaceCds.FhirPath.Model;
using TaceCds.FhirPath.Operators;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>FHIRPath N1 §5.2 Filtering and projection.</summary>
internal static class FilteringFunctions
{
    /// <summary>
    /// Bound on repeat(): real trees (questionnaire items, value set expansions) stay far below it; a runaway projection
    /// does not. Each new item is compared with those found so far, so the bound also caps that quadratic work.
    /// </summary>
    private const int MaxRepeatItems = 10_000;

    public static void Register(Registrar add)
    {
        add("where", 1, 1, Where);
        add("select", 1, 1, Select);
        add("repeat", 1, 1, Repeat);
        add("ofType", 1, 1, OfType);
    }

    private static IReadOnlyList<FhirPathValue> OfType(FunctionCall c)
    {
        var type = c.Type!;
        var matches = 0;
        for (var iItem = 0; iItem < c.Input.Count; iItem++)
        {
            var item = c.Input[iItem];
            if (type.Matches(item))
                matches++;
        }
        if (matches == c.Input.Count)
            return c.Input;
        var result = new FhirPathValue[matches];
        var i = 0;
        for (var iItem = 0; iItem < c.Input.Count; iItem++)
        {
            var item = c.Input[iItem];
            if (type.Matches(item))
                result[i++] = item;
        }
        return result;
    }

    private static IReadOnlyList<FhirPathValue> Where(FunctionCall c)
    {
        var result = new List<FhirPathValue>();
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (BooleanLogic.ToBoolean(c.Lambda(0, c.Input[i], i), c.Text) == true)
                result.Add(c.Input[i]);
        }
        return result;
    }

    private static IReadOnlyList<FhirPathValue> Select(FunctionCall c)
    {
        var result = new List<FhirPathValue>();
        for (var i = 0; i < c.Input.Count; i++)
            result.AddRange(c.Lambda(0, c.Input[i], i));
        return result;
    }

    private static IReadOnlyList<FhirPathValue> Repeat(FunctionCall c)
    {
        var result = new List<FhirPathValue>();
        var queue = new Queue<FhirPathValue>(c.Input);
        while (queue.Count > 0)
        {
            var item = queue.Dequeue();
            foreach (var next in c.Lambda(0, item, 0))
            {
                // Items already seen are not repeated again, which also stops cycles (FHIRPath N1 repeat()).
                if (CollectionOperators.Contains(result, next))
                    continue;
                result.Add(next);
                if (result.Count > MaxRepeatItems)
                    throw c.Error(FhirPathErrorCodes.LimitExceeded, $"repeat() produced more than {MaxRepeatItems} items");
                queue.Enqueue(next);
            }
        }
        return result;
    }
}
