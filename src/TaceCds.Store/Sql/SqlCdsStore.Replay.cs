namespace TaceCds.Store.Sql;

/// <summary>
/// JWT replay cache in the shared database: the primary key (issuer, jti) makes "first one wins" atomic across
/// instances. An entry whose token has expired may be taken over (and is purged eventually).
/// </summary>
public abstract partial class SqlCdsStore
{
    private int _insertsSincePurge;

    public async Task<bool> TryRememberAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var rows = await ExecuteAsync(connection, null, """
            INSERT INTO jti_seen (issuer, jti, expires_at) VALUES (@iss, @jti, @exp)
            ON CONFLICT (issuer, jti) DO UPDATE SET expires_at = excluded.expires_at
            WHERE jti_seen.expires_at <= @now
            """, cancellationToken,
            ("iss", issuer), ("jti", jti), ("exp", StoreTime.ToText(expiresAt)), ("now", StoreTime.ToText(now)));
        if (Interlocked.Increment(ref _insertsSincePurge) >= 1000)
        {
            _insertsSincePurge = 0;
            await PurgeExpiredAsync(now, cancellationToken);
        }
        return rows == 1;
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "DELETE FROM jti_seen WHERE expires_at <= @now", cancellationToken,
            ("now", StoreTime.ToText(now)));
    }

    /// <summary>The clock for replay-cache expiry decisions (injected; never DateTime.Now).</summary>
    protected abstract TimeProvider Clock { get; }
}
