using System.Text.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>
/// Member writers that omit what is absent: FHIR JSON never holds null, "", [] or {} (json.html), so a member is
/// written only when it has content, and an object or array only when something inside it does.
/// </summary>
internal static class JsonOut
{
    public static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) w.WriteString(name, value);
    }

    public static void Boolean(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } v) w.WriteBoolean(name, v);
    }

    public static void Integer(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
    }

    /// <summary>decimal keeps its scale when written (12.50 stays 12.50).</summary>
    public static void Decimal(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v) w.WriteNumber(name, v);
    }

    public static void DateTime(Utf8JsonWriter w, string name, FhirDateTime? value) => String(w, name, value?.Value);

    public static void Object<T>(Utf8JsonWriter w, string name, T? value, Action<Utf8JsonWriter, T> writeMembers, Func<T, bool> hasContent)
        where T : class
    {
        if (value is null || !hasContent(value)) return;
        w.WriteStartObject(name);
        writeMembers(w, value);
        w.WriteEndObject();
    }

    public static void Array<T>(Utf8JsonWriter w, string name, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeMembers, Func<T, bool> hasContent)
    {
        if (!items.Any(hasContent)) return;
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            if (!hasContent(item)) continue;
            w.WriteStartObject();
            writeMembers(w, item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static void StringArray(Utf8JsonWriter w, string name, IReadOnlyList<string> items)
    {
        if (!items.Any(s => !string.IsNullOrEmpty(s))) return;
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            if (!string.IsNullOrEmpty(item)) w.WriteStringValue(item);
        }
        w.WriteEndArray();
    }

    public static bool Has(string? value) => !string.IsNullOrEmpty(value);
}
