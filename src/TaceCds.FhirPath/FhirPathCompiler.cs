using System.Collections.Concurrent;
using TaceCds.FhirPath.Evaluation;
using TaceCds.FhirPath.Syntax;

namespace TaceCds.FhirPath;

/// <summary>Parses and compiles FHIRPath text. Results are cached: compiling the same text again returns the same object.</summary>
public static class FhirPathCompiler
{
    /// <summary>Rule packs hold hundreds of conditions; the bound keeps ad-hoc use (CLI batch) from growing without limit.</summary>
    private const int MaxCachedExpressions = 10_000;

    private static readonly ConcurrentDictionary<string, FhirPathExpression> Cache = new(StringComparer.Ordinal);

    /// <summary>Compiles <paramref name="text"/>; throws <see cref="FhirPathException"/> (FP1xx) when it is malformed.</summary>
    public static FhirPathExpression Compile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Cache.TryGetValue(text, out var cached))
            return cached;
        var syntax = Parser.Parse(text);
        var expression = new FhirPathExpression(text, new Compiler(text).Compile(syntax));
        if (Cache.Count >= MaxCachedExpressions)
            Cache.Clear();
        return Cache.GetOrAdd(text, expression);
    }
}
