using System.Text;
using TaceCds.Rules.Model;

namespace TaceCds.Publishing.Packs;

/// <summary>
/// A card text template (<c>literal {{ expression }} literal</c>) as one FHIRPath expression for a PlanDefinition
/// <c>dynamicValue</c>: literals become string literals, placeholders <c>(expression).toString()</c>, joined with <c>&amp;</c>
/// (which reads an empty collection as an empty string, as the engine renders an empty placeholder). A placeholder's
/// display format (<c>| 0.0</c>, <c>| date</c>, <c>| percent</c>) has no FHIRPath equivalent in R4 and is not carried;
/// the pack YAML in the Library stays the exact source.
/// </summary>
public static class TemplateExpression
{
    public static string ToFhirPath(Template template)
    {
        if (template.Parts.Count == 0) return "''";
        var parts = template.Parts.Select(p => p.Expression is { } e ? $"({e.Text}).toString()" : Literal(p.Literal!));
        return string.Join(" & ", parts);
    }

    /// <summary>A FHIRPath string literal (escapes per the FHIRPath grammar: \' \\ \n \r \t).</summary>
    public static string Literal(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '\'' => "\\'",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
        return sb.Append('\'').ToString();
    }
}
