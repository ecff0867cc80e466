namespace TaceCds.Clinical.Terminology;

/// <summary>
/// A value set as the engine uses it: the built-in codes, plus (or, with the replace tag, instead of) those of the site
/// files with the same url. <see cref="Files"/> names where its codes came from, for <c>rules list</c> and errors.
/// </summary>
public sealed class LoadedValueSet
{
    private readonly HashSet<(string System, string Code)> _set;

    public LoadedValueSet(string url, IEnumerable<ValueSetCode> codes, IReadOnlyList<string> files, bool replaced)
    {
        Url = url;
        Codes = codes.DistinctBy(c => (c.System, c.Code)).ToList();
        _set = Codes.Select(c => (c.System, c.Code)).ToHashSet();
        Files = files;
        Replaced = replaced;
    }

    public string Url { get; }
    public IReadOnlyList<ValueSetCode> Codes { get; }
    public IReadOnlyList<string> Files { get; }
    /// <summary>True when a site file replaced the built-in codes.</summary>
    public bool Replaced { get; }
    /// <summary>True when a site file added or replaced codes.</summary>
    public bool SiteChanged => Files.Count > 1 || Replaced;

    public bool Contains(string? system, string? code) => system is not null && code is not null && _set.Contains((system, code));

    /// <summary>The last path segment of the canonical: <c>tace-procedure</c>.</summary>
    public string Id => Url[(Url.LastIndexOf('/') + 1)..];
}
