using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TaceCds.Fhir.Json;

/// <summary>
/// Finds the line of an element inside the document it was parsed from. JsonElement keeps no position, but every
/// element of a document is a slice of the document's buffer, so the element's offset is its distance from the root's
/// first byte. Only used when an element is dropped, so the cost (a count of newlines) is paid per error, not per element.
/// </summary>
internal sealed class LineMap
{
    private readonly JsonElement _root;
    private readonly long _linesBefore;

    private LineMap(JsonElement root, long linesBefore)
    {
        _root = root;
        _linesBefore = linesBefore;
    }

    /// <param name="utf8">The input the root was parsed from (byte-order mark removed).</param>
    public static LineMap Of(ReadOnlySpan<byte> utf8, JsonElement root)
    {
        // The root's raw value starts at its first token; count the newlines of the whitespace before it.
        int start = 0;
        while (start < utf8.Length && utf8[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        return new LineMap(root, utf8[..start].Count((byte)'\n'));
    }

    /// <summary>The 1-based line of <paramref name="element"/>, or null when it is not part of this document.</summary>
    public long? LineOf(JsonElement element)
    {
        var all = JsonMarshal.GetRawUtf8Value(_root);
        var part = JsonMarshal.GetRawUtf8Value(element);
        if (all.IsEmpty || part.IsEmpty) return null;
        long offset = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(all), ref MemoryMarshal.GetReference(part));
        if (offset < 0 || offset >= all.Length) return null;
        return _linesBefore + 1 + all[..(int)offset].Count((byte)'\n');
    }
}
