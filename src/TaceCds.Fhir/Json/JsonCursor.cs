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
    public static JsonCursor Below(string path) => new(path) { _rootIsFixed = true };

    /// <summary>Whether the cursor is at the document root, where the resourceType names the path.</summary>
    public bool AtRoot => !_rootIsFixed && _segments.Count == 0;

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
