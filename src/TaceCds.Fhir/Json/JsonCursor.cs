using System.Globalization;
using System.Text;

namespace TaceCds.Fhir.Json;

/// <summary>
/// Where the reader is in the document, as a stack of segments; the path string is only built when an error
/// is raised, so tracking costs one list push and pop per element.
/// </summary>
internal sealed class JsonCursor(string root = JsonCursor.UnknownRoot)
{
    /// <summary>The path root used until the resourceType is known.</summary>
    public const string UnknownRoot = "$";

    private readonly List<(string? Name, int Index)> _segments = [];

    /// <summary>The top-level resource type, the first segment of every path.</summary>
    public string Root { get; set; } = root;

    private bool _rootIsFixed;

    /// <summary>A cursor continuing an existing path (e.g. one Bundle entry read on its own).</summary>
    public static JsonCursor Below(string path, bool dropBadElements = false, LineMap? lines = null) =>
        new(path) { _rootIsFixed = true, DropBadElements = dropBadElements, Lines = lines };

    /// <summary>Whether the cursor is at the document root, where the resourceType names the path.</summary>
    public bool AtRoot => !_rootIsFixed && _segments.Count == 0;

    /// <summary>Where elements are in the input, for the line of a dropped element (null when not read from bytes).</summary>
    public LineMap? Lines { get; init; }

    /// <summary>Whether bad elements are dropped (<see cref="FhirJsonParserOptions.DropBadElements"/>) rather than thrown.</summary>
    public bool DropBadElements { get; init; }

    /// <summary>The elements dropped so far from the resource being read; null while errors throw.</summary>
    public List<DroppedElement>? Dropped { get; set; }

    public int Depth => _segments.Count;

    /// <summary>Back to an outer element after an error left the path deeper.</summary>
    public void TruncateTo(int depth) => _segments.RemoveRange(depth, _segments.Count - depth);

    public void Push(string name) => _segments.Add((name, -1));

    public void PushIndex(int index) => _segments.Add((null, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public string Path
    {
        get
        {
            var sb = new StringBuilder(Root);
            foreach (var (name, index) in _segments)
            {
                if (name is null) sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                else sb.Append('.').Append(name);
            }
            return sb.ToString();
        }
    }

    public FhirFormatException Error(string code, string detail) => new(code, Path, detail);
}
