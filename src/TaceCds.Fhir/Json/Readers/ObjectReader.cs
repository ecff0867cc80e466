using System.Text.Json;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>Shape checks shared by every complex element: objects where FHIR has one, arrays where it repeats.</summary>
internal static class ObjectReader
{
    public static void RequireObject(JsonCursor c, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw PrimitiveReader.WrongType(c, "an object", e);
    }

    /// <summary>A repeating complex element: must be a JSON array (a single object is JSON103), items read in order.</summary>
    public static IReadOnlyList<T> ReadArray<T>(JsonCursor c, JsonElement e, Func<JsonCursor, JsonElement, T> read)
    {
        if (e.ValueKind != JsonValueKind.Array) throw PrimitiveReader.WrongType(c, "an array", e);
        int length = e.GetArrayLength();
        if (length == 0) return [];
        var list = new List<T>(length);
        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            c.PushIndex(i++);
            list.Add(read(c, item));
            c.Pop();
        }
        return list;
    }
}
