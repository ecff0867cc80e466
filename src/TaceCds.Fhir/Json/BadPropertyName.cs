using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TaceCds.Fhir.Json;

/// <summary>
/// Locates the first property name that cannot be decoded (a lone surrogate escape, bytes that are not UTF-8) in
/// well-formed JSON: its JSON path and 1-based line and byte position. Only run after such a name made parsing fail.
/// </summary>
internal static class BadPropertyName
{
    public sealed record Place(string Path, long Line, long Position);

    public static Place? Find(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        // One frame per open object/array: the member name or the next array index, to rebuild the path.
        var frames = new List<(bool IsArray, string? Name, int Index)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        string name;
                        try { name = reader.GetString()!; }
                        catch (InvalidOperationException) { return At(utf8, reader.TokenStartIndex, frames); }
                        frames[^1] = (false, name, 0);
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        CountValue(frames);
                        frames.Add((reader.TokenType == JsonTokenType.StartArray, null, -1));
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                    default:
                        CountValue(frames);
                        continue;
                }
            }
        }
        catch (JsonException)
        {
            // Not well-formed after all: the caller reports the decoding error without a place.
        }
        return null;
    }

    private static void CountValue(List<(bool IsArray, string? Name, int Index)> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray) frames[^1] = (true, null, frames[^1].Index + 1);
    }

    private static Place At(ReadOnlySpan<byte> utf8, long offset, List<(bool IsArray, string? Name, int Index)> frames)
    {
        var before = utf8[..(int)offset];
        long line = before.Count((byte)'\n') + 1;
        long position = offset - before.LastIndexOf((byte)'\n');
        var path = new StringBuilder(JsonCursor.UnknownRoot);
        // The innermost frame is the object holding the bad name; the frames around it give its path.
        foreach (var (isArray, name, index) in frames.Take(frames.Count - 1))
            path.Append(isArray ? "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : "." + name);
        return new Place(path.ToString(), line, position);
    }
}
