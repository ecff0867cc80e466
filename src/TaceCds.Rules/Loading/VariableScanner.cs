namespace TaceCds.Rules.Loading;

/// <summary>Finds the <c>%name</c> variables an expression uses (outside string literals), so unknown ones fail at load, not per patient.</summary>
internal static class VariableScanner
{
    public static IReadOnlySet<string> Scan(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                for (i++; i < text.Length && text[i] != '\''; i++)
                    if (text[i] == '\\') i++;
            }
            else if (c == '%' && i + 1 < text.Length)
            {
                if (text[i + 1] == '`')
                {
                    var end = text.IndexOf('`', i + 2);
                    if (end > 0) { found.Add(text[(i + 2)..end]); i = end; }
                }
                else if (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '_')
                {
                    var start = i + 1;
                    var j = start;
                    while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] == '_')) j++;
                    found.Add(text[start..j]);
                    i = j - 1;
                }
            }
        }
        return found;
    }

    /// <summary>Variables through which a pack reads other packs' results.</summary>
    public static readonly string[] PackResultVariables = ["definitions", "models"];

    /// <summary>
    /// The pack ids an expression reads through <c>%definitions</c> or <c>%models</c> (<c>%definitions.`cci-2022`.status</c>);
    /// an empty id when the variable is used without naming a pack member right after it.
    /// </summary>
    public static IReadOnlyList<string> PackReads(string text)
    {
        var found = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                for (i++; i < text.Length && text[i] != '\''; i++)
                    if (text[i] == '\\') i++;
                continue;
            }
            if (text[i] != '%') continue;
            var variable = PackResultVariables.FirstOrDefault(v => string.CompareOrdinal(text, i + 1, v, 0, v.Length) == 0
                && (i + 1 + v.Length >= text.Length || !(char.IsAsciiLetterOrDigit(text[i + 1 + v.Length]) || text[i + 1 + v.Length] == '_')));
            if (variable is null) continue;
            var j = i + 1 + variable.Length;
            var id = "";
            if (j < text.Length && text[j] == '.' && j + 1 < text.Length)
            {
                if (text[j + 1] == '`')
                {
                    var end = text.IndexOf('`', j + 2);
                    if (end > 0) id = text[(j + 2)..end];
                }
                else
                {
                    var k = j + 1;
                    while (k < text.Length && (char.IsAsciiLetterOrDigit(text[k]) || text[k] == '_')) k++;
                    // A function call (%definitions.children()) names no pack.
                    id = k < text.Length && text[k] == '(' ? "" : text[(j + 1)..k];
                }
            }
            found.Add(id);
            i = j - 1;
        }
        return found;
    }
}
