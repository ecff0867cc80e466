using TaceCds.FhirPath;
using TaceCds.Rules.Model;
using TaceCds.Rules.Runtime;

namespace TaceCds.Rules.Loading;

/// <summary>Compiles pack expressions and templates, checking each names only variables visible where it is used.</summary>
internal sealed class ExpressionFactory(RuleDiagnostics diagnostics)
{
    /// <summary>Variables every expression sees (bound by the engine per patient), besides FHIRPath's own.</summary>
    public static readonly string[] FactVariables = ["course", "scores", "scoresNotComputed", "facts", "patient", "subject", "asOf", "dataIssues"];
    private static readonly string[] FhirPathVariables = ["ucum", "sct", "loinc", "context", "resource", "rootResource"];

    public RuleDiagnostics Diagnostics => diagnostics;

    /// <summary>Other packs' results read by the expressions compiled since the last <see cref="StartPack"/>.</summary>
    public List<PackReference> Reads { get; } = [];

    public void StartPack() => Reads.Clear();

    public RuleExpression? Compile(string text, SourceMark mark, IReadOnlySet<string> visible, string what)
    {
        FhirPathExpression compiled;
        try
        {
            compiled = FhirPathCompiler.Compile(text);
        }
        catch (FhirPathException e)
        {
            diagnostics.Add(RuleErrorCodes.BadFhirPath, mark, $"{what}: FHIRPath does not compile: {e.Message}");
            return null;
        }
        var variables = VariableScanner.Scan(text);
        foreach (var id in VariableScanner.PackReads(text)) Reads.Add(new PackReference(id, mark));
        var ok = true;
        foreach (var v in variables.Where(v => !visible.Contains(v) && !FhirPathVariables.Contains(v)).Order(StringComparer.Ordinal))
        {
            diagnostics.Add(RuleErrorCodes.UnknownVariable, mark, $"{what}: unknown variable '%{v}' (known here: {string.Join(", ", visible.Order(StringComparer.Ordinal).Select(x => "%" + x))})");
            ok = false;
        }
        return ok ? new RuleExpression(text, mark, compiled, variables) : null;
    }

    /// <summary>Compiles <c>{{ expr }}</c> / <c>{{ expr | format }}</c> placeholders. A bare variable name may omit its <c>%</c>.</summary>
    public Template? Template(string source, SourceMark mark, IReadOnlySet<string> visible, string what)
    {
        var parts = new List<TemplatePart>();
        var ok = true;
        var i = 0;
        while (i < source.Length)
        {
            var open = source.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0) { parts.Add(new TemplatePart(source[i..], null, null)); break; }
            if (open > i) parts.Add(new TemplatePart(source[i..open], null, null));
            var close = source.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                diagnostics.Add(RuleErrorCodes.BadPlaceholder, mark, $"{what}: '{{{{' at character {open} is never closed with '}}}}'");
                return null;
            }
            var inner = source[(open + 2)..close];
            string? format = null;
            var bar = inner.LastIndexOf(" | ", StringComparison.Ordinal);
            if (bar >= 0) { format = inner[(bar + 3)..].Trim(); inner = inner[..bar]; }
            inner = inner.Trim();
            if (IsIdentifier(inner) && visible.Contains(inner)) inner = "%" + inner;
            if (inner.Length == 0)
            {
                diagnostics.Add(RuleErrorCodes.BadPlaceholder, mark, $"{what}: empty placeholder at character {open}");
                ok = false;
            }
            else if (format is not null && !ValueFormatter.IsKnownFormat(format))
            {
                diagnostics.Add(RuleErrorCodes.BadPlaceholder, mark, $"{what}: unknown format '{format}' in placeholder '{{{{{inner}}}}}' ({ValueFormatter.FormatHelp})");
                ok = false;
            }
            else
            {
                var before = diagnostics.Errors.Count;
                var expression = Compile(inner, mark, visible, $"{what} placeholder '{{{{{inner}}}}}'");
                if (expression is null)
                {
                    ok = false;
                    // Placeholders get their own code so authors can tell template errors from rule errors.
                    if (diagnostics.Errors.Count > before)
                        diagnostics.Add(RuleErrorCodes.BadPlaceholder, mark, $"{what}: placeholder '{{{{{inner}}}}}' does not resolve");
                }
                else parts.Add(new TemplatePart(null, expression, format));
            }
            i = close + 2;
        }
        return ok ? new Template(source, parts) : null;
    }

    private static bool IsIdentifier(string s) => s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
