using System.Globalization;
using System.Text.Json;

namespace TaceCds.FhirPath.Values;

public sealed class BooleanValue : FhirPathValue
{
    public static readonly BooleanValue True = new(true);
    public static readonly BooleanValue False = new(false);

    public BooleanValue(bool value) => Value = value;

    public bool Value { get; }
    public override string TypeName => "Boolean";
    public static BooleanValue Of(bool value) => value ? True : False;
    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteBooleanValue(Value);
    public override string ToString() => Value ? "true" : "false";
}

public sealed class StringValue(string value) : FhirPathValue
{
    public string Value { get; } = value;
    public override string TypeName => "String";
    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteStringValue(Value);
    public override string ToString() => Value;
}

/// <summary>FHIRPath Integer (32-bit in the spec; held as 64-bit so that arithmetic overflow can be detected).</summary>
public sealed class IntegerValue(long value) : FhirPathValue
{
    public long Value { get; } = value;
    public override string TypeName => "Integer";
    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteNumberValue(Value);
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

public sealed class DecimalValue(decimal value) : FhirPathValue
{
    public decimal Value { get; } = value;
    public override string TypeName => "Decimal";
    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteNumberValue(Value);
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
