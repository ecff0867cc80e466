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

    /// <summary>Shared one-item results (read-only), so conditions do not allocate for their answer.</summary>
    internal static IReadOnlyList<FhirPathValue> Collection(bool value) => value ? TrueCollection : FalseCollection;

    private static readonly IReadOnlyList<FhirPathValue> TrueCollection = Array.AsReadOnly<FhirPathValue>([True]);
    private static readonly IReadOnlyList<FhirPathValue> FalseCollection = Array.AsReadOnly<FhirPathValue>([False]);
    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteBooleanValue(Value);
    public override string ToString() => Value ? "true" : "false";
}

/// <summary>A String; when read from JSON it keeps the JSON element and decodes it only if the text is needed.</summary>
public sealed class StringValue : FhirPathValue
{
    private readonly JsonElement _json;
    private string? _value;

    public StringValue(string value) => _value = value;

    internal StringValue(JsonElement json) => _json = json;

    public string Value => _value ??= _json.GetString()!;
    public override string TypeName => "String";
    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteStringValue(Value);
    public override string ToString() => Value;

    private byte[]? _utf8;

    private byte[] Utf8 => _utf8 ??= System.Text.Encoding.UTF8.GetBytes(_value!);

    /// <summary>Ordinal equality that compares a JSON-backed string with a literal without decoding it.</summary>
    internal static bool ValueEquals(StringValue a, StringValue b)
    {
        if (a._value is null && b._value is not null)
            return a._json.ValueEquals(b.Utf8);
        if (b._value is null && a._value is not null)
            return b._json.ValueEquals(a.Utf8);
        return string.Equals(a.Value, b.Value, StringComparison.Ordinal);
    }
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
