namespace TaceCds.Testing;

/// <summary>Where the repository and the shared conformance data are, wherever the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding TaceCds.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The product owner's shared folder: next to the repository, or TACECDS_SHARED.</summary>
    public static string Shared { get; } =
        Environment.GetEnvironmentVariable("TACECDS_SHARED") is { Length: > 0 } fromEnv
            ? Path.GetFullPath(fromEnv)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Conformance(params string[] parts) =>
        Path.Combine([Shared, "conformance", .. parts]);

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaceCds.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("TaceCds.sln not found above " + AppContext.BaseDirectory);
    }
}
