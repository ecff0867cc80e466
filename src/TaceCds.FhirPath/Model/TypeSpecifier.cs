using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Model;

/// <summary>
/// A type named in <c>is</c>/<c>as</c>/<c>ofType</c>: <c>System.X</c>, <c>FHIR.X</c> or unqualified.
/// FHIR-typed values match FHIR types with inheritance (a <c>code</c> is a <c>string</c>) but never System types,
/// as in the FHIR R4 suite (<c>Patient.active.is(System.Boolean)</c> is false).
/// </summary>
internal sealed record TypeSpecifier(string? Namespace, string Name)
{
    private static readonly HashSet<string> SystemTypes =
        ["Any", "Boolean", "String", "Integer", "Decimal", "Date", "DateTime", "Time", "Quantity"];

    /// <summary>Parses and validates a type name; throws FP112 for unknown types.</summary>
    public static TypeSpecifier Parse(string text, string expressionText)
    {
        var dot = text.IndexOf('.');
        var (ns, name) = dot > 0 ? (text[..dot], text[(dot + 1)..]) : (null, text);
        var known = ns switch
        {
            null => SystemTypes.Contains(name) || FhirTypeHierarchy.IsKnown(name),
            "System" => SystemTypes.Contains(name) || FhirTypeHierarchy.IsKnown(name),
            "FHIR" => FhirTypeHierarchy.IsKnown(name),
            _ => false,
        };
        if (!known)
            throw new FhirPathException(FhirPathErrorCodes.BadTypeSpecifier, $"unknown type '{text}'", subExpression: expressionText);
        return new TypeSpecifier(ns, name);
    }

    public bool Matches(FhirPathValue value)
    {
        if (value.FhirType is { } fhirType && (value is not ElementValue || value.FhirType is not null))
            return Namespace is null or "FHIR" && FhirTypeHierarchy.IsSubtypeOf(fhirType, Name);
        if (value is ElementValue or TypeInfoValue)
            return false;
        return Namespace is null or "System" && (Name == "Any" || Name == value.TypeName);
    }

    /// <summary>What <c>type()</c> reports for a value.</summary>
    public static TypeInfoValue TypeOf(FhirPathValue value) =>
        value.FhirType is { } fhirType ? new TypeInfoValue("FHIR", fhirType) : new TypeInfoValue("System", value.TypeName);
}
