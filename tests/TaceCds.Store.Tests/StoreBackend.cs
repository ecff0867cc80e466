namespace TaceCds.Store.Tests;

/// <summary>
/// One place a test's store lives. Opening twice gives two independent store objects on the same data — as two
/// service instances, or one instance before and after a restart.
/// </summary>
public interface IStoreBackend : IAsyncDisposable
{
    string Name { get; }
    /// <summary>The location as <c>sqlite:PATH</c> / <c>postgres:CONNSTR</c>.</summary>
    string Location { get; }
    Task PrepareAsync();
    /// <summary>Runs raw SQL against the test's database (for corrupting schema versions and the like).</summary>
    Task ExecuteRawAsync(string sql);
}
