namespace TaceCds.Clinical.Terminology;

/// <summary>
/// Loads the engine's value sets: the FHIR ValueSets of fhir-profiles/ (embedded in this assembly at build time, so
/// the published CLI and service always have them), then a site's own ValueSet files (<c>--terminology</c>,
/// <c>TaceCds:Terminology:Paths</c>). A site file carries the url of the value set it changes; it adds its codes, or
/// replaces the built-in ones when tagged <c>replace</c> (<see cref="ValueSetFile.MergeTagSystem"/>). Every problem
/// throws a <see cref="TerminologyException"/> naming code, file and location; nothing is skipped.
/// </summary>
public static class TerminologyLoader
{
    private const string ResourcePrefix = "TaceCds.Clinical.ValueSets.";

    /// <summary>Ends the name of a built-in file in messages: <c>fhir-profiles/ValueSet-lab-afp.json (built in)</c>.</summary>
    public const string BuiltInSuffix = " (built in)";

    /// <summary>The built-in value sets plus those of the site paths (files, or folders of <c>*.json</c>), in order.</summary>
    public static EngineTerminology Load(IReadOnlyList<string> sitePaths) => Load(BuiltInFiles(), ReadSiteFiles(sitePaths));

    /// <summary>Merges site files into the built-in ones and builds the lookups (the pure core; tests call it directly).</summary>
    public static EngineTerminology Load(IReadOnlyList<ValueSetFile> builtIn, IReadOnlyList<ValueSetFile> site)
    {
        var sets = builtIn.ToDictionary(f => f.Url, f => new LoadedValueSet(f.Url, f.Codes, [f.File], false), StringComparer.Ordinal);
        foreach (var file in site)
        {
            if (!sets.ContainsKey(file.Url))
                throw new TerminologyException(TerminologyErrorCodes.UnknownCanonical, file.File, "url",
                    $"'{file.Url}' is not a value set the engine reads; a site file uses the url of the one it changes (tacecds rules list shows them)");
            if (!ValueSetUrls.SiteExtensible.Contains(file.Url))
                throw new TerminologyException(TerminologyErrorCodes.FixedValueSet, file.File, "url",
                    $"{file.Url} holds the engine's own codes and cannot be changed by a site; site codes go into a value set with one meaning (tace-procedure, lab-*, systemic-therapy-hcc…)");
        }
        // Replacements first, then extensions: the result does not depend on the order of the files.
        foreach (var group in site.Where(f => f.Mode == MergeMode.Replace).GroupBy(f => f.Url))
        {
            var files = group.ToList();
            if (files.Count > 1)
                throw new TerminologyException(TerminologyErrorCodes.TwoReplacements, files[1].File, "meta.tag",
                    $"{group.Key} is replaced by both {files[0].File} and {files[1].File}; keep one replacement and make the other extend");
            sets[group.Key] = new LoadedValueSet(group.Key, files[0].Codes, [files[0].File], replaced: true);
        }
        foreach (var file in site.Where(f => f.Mode == MergeMode.Extend))
        {
            var current = sets[file.Url];
            sets[file.Url] = new LoadedValueSet(file.Url, current.Codes.Concat(file.Codes), [.. current.Files, file.File], current.Replaced);
        }
        return new EngineTerminology(sets);
    }

    /// <summary>fhir-profiles/ValueSet-*.json as embedded in this assembly (TaceCds.Clinical.csproj).</summary>
    public static IReadOnlyList<ValueSetFile> BuiltInFiles()
    {
        var assembly = typeof(TerminologyLoader).Assembly;
        var files = new List<ValueSetFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(ValueSetFile.Parse(reader.ReadToEnd(), "fhir-profiles/" + name[ResourcePrefix.Length..] + BuiltInSuffix));
        }
        return files;
    }

    /// <summary>The ValueSet files of the site paths: a file as given, a folder's <c>*.json</c> in name order.</summary>
    public static IReadOnlyList<ValueSetFile> ReadSiteFiles(IReadOnlyList<string> paths)
    {
        var files = new List<ValueSetFile>();
        foreach (var path in paths)
        {
            string[] found;
            if (Directory.Exists(path)) found = Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToArray();
            else if (File.Exists(path)) found = [path];
            else throw new TerminologyException(TerminologyErrorCodes.UnreadablePath, path, null, "no such file or folder");
            foreach (var file in found)
            {
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new TerminologyException(TerminologyErrorCodes.UnreadablePath, file, null, e.Message);
                }
                files.Add(ValueSetFile.Parse(text, file));
            }
        }
        return files;
    }
}
