using System.Text.Json;
using TaceCds.FhirPath.Model;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>FHIRPath N1 §5.8 Tree navigation.</summary>
internal static class TreeNavigationFunctions
{
    /// <summary>Bound on descendants(): large enough for any real resource, small enough to never exhaust memory.</summary>
    private const int MaxDescendants = 1_000_000;

    public static void Register(Registrar add)
    {
        add("children", 0, 0, c =>
        {
            var result = new List<FhirPathValue>();
            foreach (var item in c.Input)
                Children(item, result);
            return result;
        });
        add("descendants", 0, 0, c =>
        {
            var result = new List<FhirPathValue>();
            var pending = new Queue<FhirPathValue>(c.Input);
            while (pending.Count > 0)
            {
                var start = result.Count;
                Children(pending.Dequeue(), result);
                for (var i = start; i < result.Count; i++)
                    pending.Enqueue(result[i]);
                if (result.Count > MaxDescendants)
                    throw c.Error(FhirPathErrorCodes.LimitExceeded, $"descendants() produced more than {MaxDescendants} items");
            }
            return result;
        });
    }

    public static void Children(FhirPathValue item, List<FhirPathValue> output)
    {
        if (item is not ElementValue { Element.ValueKind: JsonValueKind.Object } element || element.IsValuelessPrimitive)
            return;
        foreach (var property in element.Element.EnumerateObject())
        {
            var name = property.Name;
            if (name == "resourceType")
                continue;
            if (name.StartsWith('_'))
            {
                if (element.Element.TryGetProperty(name[1..], out _))
                    continue; // visited with its value
                name = name[1..];
            }
            JsonNavigator.Member(item, ChoiceBase(element, name), output);
        }
    }

    /// <summary>valueQuantity is navigated as value so that it gets its type from the suffix.</summary>
    private static string ChoiceBase(ElementValue element, string name)
    {
        if (element.FhirType is not { } type || FhirElementTypes.Lookup(element.DefinitionPath ?? type, type, name) is not null)
            return name;
        for (var i = 1; i < name.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(name[i]))
                continue;
            var suffix = name[i..];
            var isType = FhirTypeHierarchy.IsKnown(suffix) || FhirTypeHierarchy.Primitives.Contains(char.ToLowerInvariant(suffix[0]) + suffix[1..]);
            return isType ? name[..i] : name;
        }
        return name;
    }
}
