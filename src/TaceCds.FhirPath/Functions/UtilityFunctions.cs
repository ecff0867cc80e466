using TaceCds.FhirPath.Model;
using TaceCds.FhirPath.Operators;
using TaceCds.FhirPath.Units;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Functions;

/// <summary>
/// FHIRPath N1 §5.9 Utility (trace, now, today, timeOfDay), §6.3 type functions (is, as, type), §7 aggregate,
/// and the FHIR additions extension(), hasValue(), getValue(). Clock functions read the context's AsOf, never the clock.
/// </summary>
internal static class UtilityFunctions
{
    public static void Register(Registrar add)
    {
        add("trace", 1, 2, Trace);
        add("now", 0, 0, c => [new DateTimeValue(FromInstant(c.Scope.Context.AsOf, DateTimePrecision.Millisecond))]);
        add("today", 0, 0, c => [new DateValue(FromInstant(c.Scope.Context.AsOf, DateTimePrecision.Day) with { OffsetMinutes = null })]);
        add("timeOfDay", 0, 0, c => [new TimeValue(FromInstant(c.Scope.Context.AsOf, DateTimePrecision.Millisecond) with { IsTimeOnly = true, OffsetMinutes = null })]);
        add("type", 0, 0, c => c.Input.Select(v => (FhirPathValue)TypeSpecifier.TypeOf(v)).ToList());
        add("is", 1, 1, c => c.SingleInput() is { } v ? BooleanValue.Collection(c.Type!.Matches(v)) : []);
        add("as", 1, 1, c => c.SingleInput() is { } v && c.Type!.Matches(v) ? [v] : []);
        add("aggregate", 1, 2, Aggregate);
        add("extension", 1, 1, Extension);
        add("hasValue", 0, 0, c => BooleanValue.Collection(c.Input.Count == 1 && IsPrimitiveWithValue(c.Input[0])));
        add("getValue", 0, 0, c => c.Input.Count == 1 && IsPrimitiveWithValue(c.Input[0]) ? c.Input : []);
        add("comparable", 1, 1, c => c.SingleInput() is QuantityValue a && c.SingleArgument(0) is QuantityValue b
            ? BooleanValue.Collection(QuantityMath.Compare(a, b) is not null)
            : []);
        add("conformsTo", 1, 1, ConformsTo);
        BoundaryFunctions.Register(add);
    }

    private static PartialDateTime FromInstant(DateTimeOffset instant, DateTimePrecision precision) =>
        PartialDateTime.FromDateTime(instant.DateTime, precision, (int)instant.Offset.TotalMinutes);

    private static bool IsPrimitiveWithValue(FhirPathValue v) => v is not (ElementValue or TypeInfoValue);

    private static IReadOnlyList<FhirPathValue> Trace(FunctionCall c)
    {
        if (c.Scope.Context.Tracer is { } tracer)
        {
            var name = c.StringArgument(0) ?? "";
            var traced = c.Input;
            if (c.ArgumentCount > 1)
            {
                var projected = new List<FhirPathValue>();
                for (var i = 0; i < c.Input.Count; i++)
                    projected.AddRange(c.Lambda(1, c.Input[i], i));
                traced = projected;
            }
            tracer(name, traced);
        }
        return c.Input;
    }

    /// <summary>
    /// conformsTo(url) for core profiles only: true when the item's type (or a base type) is the profiled type.
    /// Other profiles would need their StructureDefinitions, which this engine does not load: they are an error.
    /// </summary>
    private static IReadOnlyList<FhirPathValue> ConformsTo(FunctionCall c)
    {
        const string core = "http://hl7.org/fhir/StructureDefinition/";
        var url = c.StringArgument(0);
        var item = c.SingleInput();
        if (url is null || item is null)
            return [];
        if (!url.StartsWith(core, StringComparison.Ordinal) || !FhirTypeHierarchy.IsKnown(url[core.Length..]))
            throw c.Error(FhirPathErrorCodes.InvalidArgument, $"unknown profile '{url}' (only core FHIR types are known)");
        return BooleanValue.Collection(item.FhirType is { } type && FhirTypeHierarchy.IsSubtypeOf(type, url[core.Length..]));
    }

    private static IReadOnlyList<FhirPathValue> Aggregate(FunctionCall c)
    {
        var total = c.ArgumentCount > 1 ? c.Argument(1) : [];
        for (var i = 0; i < c.Input.Count; i++)
            total = c.Lambda(0, c.Input[i], i, total);
        return total;
    }

    private static IReadOnlyList<FhirPathValue> Extension(FunctionCall c)
    {
        var url = c.StringArgument(0);
        if (url is null)
            return [];
        var result = new List<FhirPathValue>();
        var extensions = new List<FhirPathValue>();
        for (var iItem = 0; iItem < c.Input.Count; iItem++)
        {
            var item = c.Input[iItem];
            extensions.Clear();
            JsonNavigator.Member(item, "extension", extensions);
            foreach (var extension in extensions)
            {
                var urls = new List<FhirPathValue>(1);
                JsonNavigator.Member(extension, "url", urls);
                if (urls.Count == 1 && urls[0] is StringValue s && s.Value == url)
                    result.Add(extension);
            }
        }
        return result;
    }
}
