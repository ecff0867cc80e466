namespace TaceCds.Rules.Model;

/// <summary>Text with <c>{{ expression }}</c> or <c>{{ expression | format }}</c> placeholders, compiled at load.</summary>
public sealed class Template
{
    internal Template(string source, IReadOnlyList<TemplatePart> parts)
    {
        Source = source;
        Parts = parts;
    }

    public string Source { get; }
    public IReadOnlyList<TemplatePart> Parts { get; }
    public bool IsConstant => Parts.All(p => p.Expression is null);
    /// <summary>The literal text without placeholders: a lower bound on the rendered length.</summary>
    public int LiteralLength => Parts.Where(p => p.Expression is null).Sum(p => p.Literal!.Length);
}

/// <summary>Either literal text or a placeholder (expression + optional format).</summary>
public sealed record TemplatePart(string? Literal, RuleExpression? Expression, string? Format);
