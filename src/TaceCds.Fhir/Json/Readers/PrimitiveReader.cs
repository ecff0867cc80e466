using System.Text.Json;
using System.Text.RegularExpressions;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>
/// FHIR primitives (http://hl7.org/fhir/R4/datatypes.html#primitive): the JSON type is checked first
/// (JSON103), then the value against the datatype's rule (JSON105).
/// </summary>
internal static partial class PrimitiveReader
{
    public static string ReadString(JsonCursor c, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.String) throw WrongType(c, "a string", e);
        var value = e.GetString()!;
        // datatypes.html#string: "String property values can never be empty".
        if (value.Length == 0) throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, "empty string (FHIR strings are never empty; omit the element)");
        return value;
    }

    /// <summary>code: no leading or trailing whitespace, no whitespace other than single spaces.</summary>
    public static string ReadCode(JsonCursor c, JsonElement e)
    {
        var value = ReadString(c, e);
        if (!CodePattern().IsMatch(value)) throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"'{value}' is not a valid code");
        return value;
    }

    /// <summary>id: 1–64 of [A-Za-z0-9-.].</summary>
    public static string ReadId(JsonCursor c, JsonElement e)
    {
        var value = ReadString(c, e);
        if (!IdPattern().IsMatch(value)) throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"'{value}' is not a valid id");
        return value;
    }

    /// <summary>uri, url, canonical, oid, uuid: no whitespace (datatypes.html#uri regex <c>\S*</c>).</summary>
    public static string ReadUri(JsonCursor c, JsonElement e)
    {
        var value = ReadString(c, e);
        if (value.AsSpan().IndexOfAny(" \t\r\n") >= 0) throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"'{value}' is not a valid uri (it contains whitespace)");
        return value;
    }

    /// <summary>
    /// A code system's identity (Coding.system): an absolute URI — a URL such as <c>http://loinc.org</c>, or
    /// <c>urn:oid:</c>/<c>urn:uuid:</c> (R4 datatypes.html#Coding, comments on Coding.system). <c>loinc.org</c> or
    /// <c>http//loinc.org</c> are not, and would silently match no code.
    /// </summary>
    public static string ReadSystemUri(JsonCursor c, JsonElement e)
    {
        var value = ReadUri(c, e);
        if (!Uri.TryCreate(value, UriKind.Absolute, out _)) throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"'{value}' is not an absolute URI (a code system is identified by one)");
        return value;
    }

    public static bool ReadBoolean(JsonCursor c, JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw WrongType(c, "a boolean", e),
    };

    public static int ReadInteger(JsonCursor c, JsonElement e, string typeName = "integer")
    {
        if (e.ValueKind != JsonValueKind.Number) throw WrongType(c, "a number", e);
        if (!e.TryGetInt32(out int value))
            throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"{e.GetRawText()} is not a 32-bit {typeName} (fraction, exponent or out of range)");
        if (typeName == "positiveInt" && value < 1) throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"{value} is not a positiveInt (>= 1)");
        if (typeName == "unsignedInt" && value < 0) throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"{value} is not an unsignedInt (>= 0)");
        return value;
    }

    /// <summary>decimal, keeping the written precision (1.50 stays 1.50).</summary>
    public static decimal ReadDecimal(JsonCursor c, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Number) throw WrongType(c, "a number", e);
        if (!e.TryGetDecimal(out decimal value))
            throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"{e.GetRawText()} is out of the decimal range");
        return value;
    }

    /// <summary>date (no time), dateTime (partial allowed), or instant (to the second, with a zone).</summary>
    public static FhirDateTime ReadDateTime(JsonCursor c, JsonElement e, string typeName = "dateTime")
    {
        if (e.ValueKind != JsonValueKind.String) throw WrongType(c, "a string", e);
        var text = e.GetString()!;
        if (!FhirDateTime.TryParse(text, out var value))
            throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"'{text}' is not a valid {typeName}");
        bool hasTime = text.Contains('T');
        if (typeName == "date" && hasTime)
            throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"'{text}' is not a valid date (a date has no time)");
        if (typeName == "instant" && (value!.Precision != DateTimePrecision.Second || !HasZone(text)))
            throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"'{text}' is not a valid instant (seconds and a time zone are required)");
        return value!;
    }

    /// <summary>time: hh:mm:ss with optional fraction.</summary>
    public static string ReadTime(JsonCursor c, JsonElement e)
    {
        var value = ReadString(c, e);
        if (!TimePattern().IsMatch(value)) throw c.Error(FhirJsonErrorCodes.InvalidPrimitive, $"'{value}' is not a valid time");
        return value;
    }

    /// <summary>An array of primitives; null items (placeholders aligning with <c>_element</c>) are skipped.</summary>
    public static IReadOnlyList<string> ReadStringArray(JsonCursor c, JsonElement e, Func<JsonCursor, JsonElement, string> read)
    {
        if (e.ValueKind != JsonValueKind.Array) throw WrongType(c, "an array", e);
        var list = new List<string>(e.GetArrayLength());
        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            c.PushIndex(i++);
            if (item.ValueKind != JsonValueKind.Null) list.Add(read(c, item));
            c.Pop();
        }
        return list;
    }

    public static FhirFormatException WrongType(JsonCursor c, string expected, JsonElement actual) =>
        c.Error(FhirJsonErrorCodes.WrongJsonType, $"expected {expected}, got {Describe(actual.ValueKind)}");

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static bool HasZone(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && (text[^6] == '+' || text[^6] == '-') && text[^3] == ':');

    // datatypes.html#code regex: [^\s]+(\s[^\s]+)*
    [GeneratedRegex(@"^[^\s]+(\s[^\s]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    // datatypes.html#id regex: [A-Za-z0-9\-\.]{1,64}
    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    // datatypes.html#time regex: ([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?
    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
