using System.Collections.Concurrent;

namespace TaceCds.Security;

/// <summary>
/// A replay cache for ONE process (tests, single-instance demo). Expired entries are purged as new ones arrive,
/// so its size is bounded by the number of unexpired tokens.
/// </summary>
public sealed class InMemoryJtiReplayCache(TimeProvider time) : IJtiReplayCache
{
    private readonly ConcurrentDictionary<(string Iss, string Jti), DateTimeOffset> _seen = new();
    private int _sincePurge;

    public Task<bool> TryRememberAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _sincePurge) >= 256)
        {
            _sincePurge = 0;
            foreach (var (key, exp) in _seen)
                if (exp <= now) _seen.TryRemove(key, out _);
        }
        var key2 = (issuer, jti);
        while (true)
        {
            if (_seen.TryAdd(key2, expiresAt)) return Task.FromResult(true);
            if (!_seen.TryGetValue(key2, out var existing)) continue;
            if (existing > now) return Task.FromResult(false);
            if (_seen.TryUpdate(key2, expiresAt, existing)) return Task.FromResult(true);
        }
    }
}
