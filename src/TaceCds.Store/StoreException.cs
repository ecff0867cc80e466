namespace TaceCds.Store;

/// <summary>
/// A store problem with a stable code: STORE100 bad location, STORE101 schema newer than this build,
/// STORE102 database unreachable or refused, STORE103 invalid record.
/// </summary>
public sealed class StoreException(string code, string message, Exception? inner = null) : Exception($"{code}: {message}", inner)
{
    public string Code { get; } = code;
}
