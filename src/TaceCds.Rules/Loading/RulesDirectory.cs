namespace TaceCds.Rules.Loading;

/// <summary>
/// Where the rule packs are read from, first match wins: an explicit directory (<c>--rules</c>), the environment variable
/// <c>TACECDS_RULES</c>, the <c>rules/</c> folder next to <c>TaceCds.sln</c> found by walking up from the current directory and
/// then from the executable's directory, and last the copy shipped next to the binary.
/// </summary>
public static class RulesDirectory
{
    public const string EnvironmentVariable = "TACECDS_RULES";

    public static string Resolve(string? explicitDirectory, string? environmentValue, string currentDirectory, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory)) return Path.GetFullPath(explicitDirectory);
        if (!string.IsNullOrWhiteSpace(environmentValue)) return Path.GetFullPath(environmentValue);
        foreach (var start in new[] { currentDirectory, baseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TaceCds.sln")) && Directory.Exists(Path.Combine(dir.FullName, "rules")))
                    return Path.Combine(dir.FullName, "rules");
        return Path.Combine(baseDirectory, "rules");
    }

    /// <summary>Resolves with the process environment (the CLI's entry point; logic elsewhere takes the directory as input).</summary>
    public static string ResolveForProcess(string? explicitDirectory) =>
        Resolve(explicitDirectory, Environment.GetEnvironmentVariable(EnvironmentVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
}
