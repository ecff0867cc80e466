namespace TaceCds.Fhir.Data;

/// <summary>Files named directly, and the matching files of named folders (top level, in ordinal name order).</summary>
internal static class SourcePaths
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, string folderPattern)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.GetFiles(path, folderPattern).Order(StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new FileNotFoundException($"no such file or folder: {path}", path);
        }
        return files;
    }
}
