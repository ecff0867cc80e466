using TaceCds.Rules.Authoring;
using TaceCds.Rules.Model;

namespace TaceCds.Rules.Loading;

/// <summary>
/// Loads every <c>*.yaml</c> rule pack of a directory. All or nothing: any error in any file fails the whole load with
/// a <see cref="RuleLoadException"/> listing every error (file:line, code, message), so a bad pack never half-loads.
/// </summary>
public static class RulePackLoader
{
    public static RuleSet LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new RuleLoadException([new RuleError(RuleErrorCodes.NoRules, new SourceMark(directory, 0, 0), "rules directory not found")]);
        var files = Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new RuleLoadException([new RuleError(RuleErrorCodes.NoRules, new SourceMark(directory, 0, 0), "no *.yaml rule packs in the directory")]);
        return Load(files.Select(f => (f, File.ReadAllText(f))), directory);
    }

    /// <summary>Loads packs from (file name, YAML text) pairs; the file name is only used in messages and to find test bundles.</summary>
    public static RuleSet Load(IEnumerable<(string File, string Text)> sources, string? directory = null)
    {
        var diagnostics = new RuleDiagnostics();
        var compiler = new PackCompiler(diagnostics);
        var packs = new List<RulePack>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, text) in sources)
        {
            var doc = PackReader.Read(file, text, diagnostics);
            if (doc is null) continue;
            if (doc.Id.Length > 0 && !ids.TryAdd(doc.Id, file))
                diagnostics.Add(RuleErrorCodes.DuplicateId, doc.Mark, $"pack id '{doc.Id}' is also used by {ids[doc.Id]}");
            if (compiler.Compile(doc) is { } pack) packs.Add(pack);
        }
        var ordered = PackGraph.Order(packs, diagnostics);
        diagnostics.ThrowIfAny();
        return new RuleSet(ordered, directory);
    }
}

/// <summary>
/// The loaded packs in evaluation order: each after the packs it uses, otherwise in file-name order (which is also the
/// order of cards of equal urgency).
/// </summary>
public sealed record RuleSet(IReadOnlyList<RulePack> Packs, string? Directory);
