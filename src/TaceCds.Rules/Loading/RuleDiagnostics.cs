namespace TaceCds.Rules.Loading;

/// <summary>Collects load errors across all files; the loader throws once at the end if any were found.</summary>
public sealed class RuleDiagnostics
{
    private readonly List<RuleError> _errors = [];

    public IReadOnlyList<RuleError> Errors => _errors;
    public bool HasErrors => _errors.Count > 0;

    public void Add(string code, SourceMark where, string message) => _errors.Add(new RuleError(code, where, message));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new RuleLoadException(_errors.OrderBy(e => e.Where.File, StringComparer.Ordinal).ThenBy(e => e.Where.Line).ToList());
    }
}
