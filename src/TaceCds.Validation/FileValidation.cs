namespace TaceCds.Validation;

/// <summary>An issue found in a file: which file, the NDJSON line when the file is NDJSON, and the issue (its FHIRPath
/// location names the Bundle entry index for Bundles).</summary>
public sealed record FileIssue(string File, int? Line, ValidationIssue Issue)
{
    public override string ToString() =>
        $"{File}{(Line is { } n ? ":" + n : "")}: {Issue.Severity.ToString().ToLowerInvariant()} {Issue.Code} {Issue.Location}: {Issue.Message}";
}

/// <summary>What validating some files gave.</summary>
public sealed record FileValidationReport(int Files, int Resources, IReadOnlyList<FileIssue> Issues)
{
    public int Errors => Issues.Count(i => i.Issue.IsError);
    public int Warnings => Issues.Count(i => i.Issue.Severity == IssueSeverity.Warning);
}

/// <summary>
/// Validates files and folders as <c>tacecds validate</c> takes them: a <c>.json</c> file holds one resource (a Bundle
/// included); a <c>.ndjson</c> file (FHIR Bulk Data) one resource per non-empty line; a folder, every such file
/// directly in it (not its subfolders: build output and tools live there), in ordinal order. A path that does not exist or cannot be read throws
/// <see cref="IOException"/> (the caller's "could not run"); content problems are issues.
/// </summary>
public static class FileValidation
{
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.GetFiles(path)
                    .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal));
            else if (File.Exists(path))
                files.Add(path);
            else
                throw new FileNotFoundException($"no such file or folder: {path}", path);
        }
        return files;
    }

    public static FileValidationReport Validate(ProjectValidator validator, IEnumerable<string> paths)
    {
        var files = ExpandPaths(paths);
        var issues = new List<FileIssue>();
        var resources = 0;
        foreach (var file in files)
        {
            if (file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            {
                var number = 0;
                foreach (var line in File.ReadLines(file))
                {
                    number++;
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    resources++;
                    issues.AddRange(validator.Validate(line).Select(i => new FileIssue(file, number, i)));
                }
            }
            else
            {
                resources++;
                issues.AddRange(validator.Validate(File.ReadAllText(file)).Select(i => new FileIssue(file, null, i)));
            }
        }
        return new FileValidationReport(files.Count, resources, issues);
    }
}
