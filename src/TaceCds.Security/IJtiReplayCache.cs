namespace TaceCds.Security;

/// <summary>
/// Remembers (iss, jti) pairs until the token expires, so a captured token cannot be replayed. Several service
/// instances must share one (TaceCds.Store provides it on SQLite or PostgreSQL).
/// </summary>
public interface IJtiReplayCache
{
    /// <summary>True the first time a pair is seen (and records it until <paramref name="expiresAt"/>); false on a replay.</summary>
    Task<bool> TryRememberAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
