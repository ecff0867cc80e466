using TaceCds.FhirPath;
using TaceCds.Rules.Loading;

namespace TaceCds.Rules.Model;

/// <summary>
/// A FHIRPath expression of a pack, compiled and validated at load. <see cref="Defines"/> are the pack and model defines it
/// depends on, transitively: their missing inputs are this expression's missing inputs too.
/// </summary>
public sealed class RuleExpression
{
    internal RuleExpression(string text, SourceMark mark, FhirPathExpression compiled, IReadOnlySet<string> variables)
    {
        Text = text;
        Mark = mark;
        Compiled = compiled;
        Variables = variables;
    }

    public string Text { get; }
    public SourceMark Mark { get; }
    public FhirPathExpression Compiled { get; }
    /// <summary>The %variables the text names directly.</summary>
    public IReadOnlySet<string> Variables { get; }
    public IReadOnlyList<string> Defines { get; internal set; } = [];

    public override string ToString() => Text;
}
