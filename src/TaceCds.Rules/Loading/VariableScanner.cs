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
}
