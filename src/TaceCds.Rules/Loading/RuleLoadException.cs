namespace TaceCds.Rules.Loading;

/// <summary>Rule packs failed to load: every error found, so an author fixes them in one pass. Nothing was loaded.</summary>
public sealed class RuleLoadException(IReadOnlyList<RuleError> errors)
    : Exception($"{errors.Count} rule pack error(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<RuleError> Errors { get; } = errors;
}
