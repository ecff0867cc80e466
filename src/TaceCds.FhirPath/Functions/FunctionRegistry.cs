namespace TaceCds.FhirPath.Functions;

internal delegate IReadOnlyList<Values.FhirPathValue> FunctionBody(FunctionCall call);

internal sealed record FunctionDefinition(string Name, int MinArguments, int MaxArguments, FunctionBody Body);

/// <summary>All functions, registered per spec chapter (one file each).</summary>
internal static class FunctionRegistry
{
    private static readonly Dictionary<string, FunctionDefinition> Functions = Build();

    public static FunctionDefinition? Find(string name) => Functions.GetValueOrDefault(name);

    private static Dictionary<string, FunctionDefinition> Build()
    {
        var functions = new Dictionary<string, FunctionDefinition>(StringComparer.Ordinal);
        void Add(string name, int min, int max, FunctionBody body) => functions.Add(name, new FunctionDefinition(name, min, max, body));
        ExistenceFunctions.Register(Add);
        FilteringFunctions.Register(Add);
        SubsettingFunctions.Register(Add);
        CombiningFunctions.Register(Add);
        ConversionFunctions.Register(Add);
        StringFunctions.Register(Add);
        MathFunctions.Register(Add);
        TreeNavigationFunctions.Register(Add);
        UtilityFunctions.Register(Add);
        return functions;
    }
}

internal delegate void Registrar(string name, int minArguments, int maxArguments, FunctionBody body);
