namespace TaceCds.Rules.Loading;

/// <summary>Where something is in a rule pack file (1-based line and column).</summary>
public sealed record SourceMark(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>One load error: its stable code, where, and what is wrong.</summary>
public sealed record RuleError(string Code, SourceMark Where, string Message)
{
    public override string ToString() => $"{Where}: {Code}: {Message}";
}
