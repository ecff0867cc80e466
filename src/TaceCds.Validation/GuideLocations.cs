namespace TaceCds.Validation;

/// <summary>
/// Where <c>tacecds validate</c> finds the implementation guide and keeps its disk cache. Guide, first match wins:
/// <c>--profiles</c>, <c>TACECDS_PROFILES</c>, the <c>fhir-profiles/</c> folder next to <c>TaceCds.sln</c> found by walking
/// up from the current directory and then from the executable's directory, the copy next to the binary.
/// Cache: <c>--cache-dir</c>, <c>TACECDS_VALIDATION_CACHE</c>, <c>$XDG_CACHE_HOME/tacecds/fhir-validation</c>, else
/// <c>~/.cache/tacecds/fhir-validation</c>.
/// </summary>
public static class GuideLocations
{
    public const string ProfilesVariable = "TACECDS_PROFILES";
    public const string CacheVariable = "TACECDS_VALIDATION_CACHE";

    public static string ResolveProfiles(string? explicitDirectory, string? environmentValue, string currentDirectory, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory)) return Path.GetFullPath(explicitDirectory);
        if (!string.IsNullOrWhiteSpace(environmentValue)) return Path.GetFullPath(environmentValue);
        foreach (var start in new[] { currentDirectory, baseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TaceCds.sln")) && Directory.Exists(Path.Combine(dir.FullName, "fhir-profiles")))
                    return Path.Combine(dir.FullName, "fhir-profiles");
        return Path.Combine(baseDirectory, "fhir-profiles");
    }

    public static string ResolveCache(string? explicitDirectory, string? environmentValue, string? xdgCacheHome, string home)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory)) return Path.GetFullPath(explicitDirectory);
        if (!string.IsNullOrWhiteSpace(environmentValue)) return Path.GetFullPath(environmentValue);
        var root = !string.IsNullOrWhiteSpace(xdgCacheHome) ? xdgCacheHome : Path.Combine(home, ".cache");
        return Path.Combine(root, "tacecds", "fhir-validation");
    }

    /// <summary>Both, from the process environment (the CLI's entry point).</summary>
    public static (string Profiles, string Cache) ForProcess(string? profiles, string? cache) => (
        ResolveProfiles(profiles, Environment.GetEnvironmentVariable(ProfilesVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
        ResolveCache(cache, Environment.GetEnvironmentVariable(CacheVariable), Environment.GetEnvironmentVariable("XDG_CACHE_HOME"),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)));
}
