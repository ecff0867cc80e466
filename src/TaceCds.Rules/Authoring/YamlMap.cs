using System.Globalization;
using TaceCds.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace TaceCds.Rules.Authoring;

/// <summary>
/// Reads one YAML mapping of a rule pack: typed getters that report missing keys, wrong node kinds and bad values
/// with file:line, and <see cref="Finish"/> that reports every key nobody asked for (so a typo never passes silently).
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly RuleDiagnostics _diagnostics;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private YamlMap(YamlMappingNode node, string file, RuleDiagnostics diagnostics)
    {
        _node = node;
        _file = file;
        _diagnostics = diagnostics;
    }

    public SourceMark Mark => MarkOf(_node);
    public RuleDiagnostics Diagnostics => _diagnostics;
    public string File => _file;

    public static YamlMap? From(YamlNode? node, string file, RuleDiagnostics diagnostics, string what)
    {
        if (node is YamlMappingNode map) return new YamlMap(map, file, diagnostics);
        if (node is not null)
            diagnostics.Add(RuleErrorCodes.WrongNodeKind, new SourceMark(file, (int)node.Start.Line, (int)node.Start.Column), $"{what} must be a mapping (key: value)");
        return null;
    }

    public SourceMark MarkOf(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);

    public bool Has(string key) => Node(key) is not null;

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        foreach (var (k, v) in _node.Children)
            if (k is YamlScalarNode { Value: { } name } && name == key)
                return v;
        return null;
    }

    public IEnumerable<(string Key, YamlNode Value, SourceMark Mark)> Entries()
    {
        foreach (var (k, v) in _node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            _read.Add(name);
            yield return (name, v, MarkOf(k));
        }
    }

    public string? String(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) _diagnostics.Add(RuleErrorCodes.MissingKey, Mark, $"'{key}' is required");
            return null;
        }
        if (node is YamlScalarNode s && s.Value is not null) return s.Value;
        _diagnostics.Add(RuleErrorCodes.WrongNodeKind, MarkOf(node), $"'{key}' must be a text value");
        return null;
    }

    public (string Text, SourceMark Mark)? Located(string key, bool required = false)
    {
        var node = Node(key);
        var text = String(key, required);
        return text is null || node is null ? null : (text, MarkOf(node));
    }

    public string? Enum(string key, IReadOnlyCollection<string> allowed, bool required = false, string? fallback = null)
    {
        var value = String(key, required);
        if (value is null) return fallback;
        if (allowed.Contains(value)) return value;
        _diagnostics.Add(RuleErrorCodes.BadEnumValue, MarkOf(Node(key)!), $"'{key}' must be one of {string.Join(", ", allowed)}, not '{value}'");
        return fallback;
    }

    public double? Number(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) return d;
        _diagnostics.Add(RuleErrorCodes.BadValue, MarkOf(Node(key)!), $"'{key}' must be a number, not '{text}'");
        return null;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null) return null;
        if (text is "true" or "false") return text == "true";
        _diagnostics.Add(RuleErrorCodes.BadValue, MarkOf(Node(key)!), $"'{key}' must be true or false, not '{text}'");
        return null;
    }

    public YamlMap? Map(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) _diagnostics.Add(RuleErrorCodes.MissingKey, Mark, $"'{key}' is required");
            return null;
        }
        return From(node, _file, _diagnostics, $"'{key}'");
    }

    /// <summary>The items of a sequence (an absent key is an empty list).</summary>
    public IReadOnlyList<YamlNode> List(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required) _diagnostics.Add(RuleErrorCodes.MissingKey, Mark, $"'{key}' is required");
            return [];
        }
        if (node is YamlSequenceNode seq) return seq.Children.ToList();
        _diagnostics.Add(RuleErrorCodes.WrongNodeKind, MarkOf(node), $"'{key}' must be a list");
        return [];
    }

    public IReadOnlyList<YamlMap> Maps(string key, bool required = false) =>
        List(key, required).Select(n => From(n, _file, _diagnostics, $"an item of '{key}'")).OfType<YamlMap>().ToList();

    /// <summary>Reports keys present in the file but never read: the pack format has no optional free-form keys.</summary>
    public void Finish()
    {
        foreach (var (k, _) in _node.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(name))
                _diagnostics.Add(RuleErrorCodes.UnknownKey, MarkOf(k), $"unknown key '{name}'");
        }
    }
}
