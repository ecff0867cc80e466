namespace TaceCds.Fhir.Model;

/// <summary>
/// Base of every FHIR datatype we model. A choice element (<c>value[x]</c>, <c>effective[x]</c>, …) is typed
/// <see cref="Element"/> and holds one of the concrete types; <see cref="FhirTypeName"/> is the suffix it was read from.
/// </summary>
public abstract class Element
{
    public abstract string FhirTypeName { get; }
}

public sealed class FhirBoolean(bool value) : Element
{
    public bool Value { get; } = value;
    public override string FhirTypeName => "boolean";
}

/// <summary>integer, positiveInt or unsignedInt, kept with the FHIR type it was read as.</summary>
public sealed class FhirInteger(int value, string typeName = "integer") : Element
{
    public int Value { get; } = value;
    public override string FhirTypeName { get; } = typeName;
}

public sealed class FhirDecimal(decimal value) : Element
{
    public decimal Value { get; } = value;
    public override string FhirTypeName => "decimal";
}

/// <summary>string, code, uri, url, canonical, id, markdown, oid, uuid — kept with the FHIR type it was read as.</summary>
public sealed class FhirString(string value, string typeName = "string") : Element
{
    public string Value { get; } = value;
    public override string FhirTypeName { get; } = typeName;
}

/// <summary>date, dateTime or instant.</summary>
public sealed class FhirDateTimeValue(FhirDateTime value, string typeName = "dateTime") : Element
{
    public FhirDateTime Value { get; } = value;
    public override string FhirTypeName { get; } = typeName;
}

/// <summary>time (hh:mm:ss), kept as written.</summary>
public sealed class FhirTime(string value) : Element
{
    public string Value { get; } = value;
    public override string FhirTypeName => "time";
}
