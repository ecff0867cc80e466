namespace TaceCds.FhirPath.Tests.Conformance;

/// <summary>skip-list.txt: one <c>case name | reason</c> per line; <c>#</c> starts a comment.</summary>
internal static class SkipList
{
    public static IReadOnlyDictionary<string, string> Load(string path)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var bar = line.IndexOf('|');
            if (bar < 0 || line[(bar + 1)..].Trim().Length == 0)
                throw new InvalidOperationException($"skip-list entry without a reason: {line}");
            entries.Add(line[..bar].Trim(), line[(bar + 1)..].Trim());
        }
        return entries;
    }
}
