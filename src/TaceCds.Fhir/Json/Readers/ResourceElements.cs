using System.Globalization;
using System.Text.Json;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>
/// The loop over a resource's top-level elements. Strict (the default), the first bad element fails the resource.
/// Recovering (<see cref="FhirJsonParserOptions.DropBadElements"/>), a bad element is left out of the model and
/// recorded with its code, path and line, and reading goes on — one malformed <c>birthDate</c> must not cost the
/// patient. The unit dropped is the whole top-level element (all of <c>code</c>, all of <c>name</c>), so a
/// half-read element is never used as if it were complete.
/// </summary>
internal static class ResourceElements
{
    public static void ReadEach(JsonCursor c, JsonElement e, Action<JsonProperty> read)
    {
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            int depth = c.Depth;
            try
            {
                read(p);
            }
            catch (Exception ex) when (c.DropBadElements && !IsStructural(p.Name) && ex is FhirFormatException or InvalidOperationException)
            {
                // The cursor is still on the innermost element: the decoding error is located there.
                var error = ex as FhirFormatException ?? JsonInput.InvalidText((InvalidOperationException)ex, c.Path);
                c.TruncateTo(depth);
                c.Dropped!.Add(new DroppedElement(error.Code, error.Path, error.Detail, error.Line ?? LineOf(c, p.Value, error.Path)));
            }
            c.Pop();
        }
    }

    // Without a readable id or resourceType the resource cannot be identified; a modifierExtension changes the meaning
    // of the whole resource (R4 extensibility.html#modifierExtension), so it cannot be ignored either.
    private static bool IsStructural(string name) => name is "resourceType" or "id" or "modifierExtension";

    // The line of the innermost element of the error's path that exists, starting from the dropped element.
    private static long? LineOf(JsonCursor c, JsonElement dropped, string errorPath)
    {
        if (c.Lines is null) return null;
        var here = c.Path;
        var target = dropped;
        if (errorPath.StartsWith(here, StringComparison.Ordinal)) target = Follow(dropped, errorPath[here.Length..]);
        return c.Lines.LineOf(target);
    }

    // Follows ".name" and "[i]" segments as far as the JSON has them.
    private static JsonElement Follow(JsonElement from, string suffix)
    {
        var current = from;
        int i = 0;
        while (i < suffix.Length)
        {
            if (suffix[i] == '.')
            {
                int end = suffix.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = suffix.Length;
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(suffix[(i + 1)..end], out var child)) break;
                current = child;
                i = end;
            }
            else if (suffix[i] == '[')
            {
                int end = suffix.IndexOf(']', i);
                if (end < 0 || !int.TryParse(suffix.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                    || current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength()) break;
                current = current[index];
                i = end + 1;
            }
            else break;
        }
        return current;
    }
}
