using TaceCds.FhirPath.Operators;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>FHIRPath N1 §5.4 Combining.</summary>
internal static class CombiningFunctions
{
    public static void Register(Registrar add)
    {
        add("union", 1, 1, c => CollectionOperators.Union(c.Input, c.Argument(0)));
        add("combine", 1, 1, c => c.Input.Concat(c.Argument(0)).ToList());
    }
}
