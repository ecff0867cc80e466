using System.Collections.Concurrent;

namespace TaceCds.Security;

/// <summary>
/// Key sets per allowlisted URL: cached for <see cref="JwtVerifierOptions.JwksCacheDuration"/>, re-fetched early
/// when a token names an unknown kid (key rotation) but at most once per
/// <see cref="JwtVerifierOptions.JwksMinRefreshInterval"/>. Size is bounded by the allowlist and MaxKeysPerSet.
/// </summary>
internal sealed class JwksCache(IJwksFetcher fetcher, JwtVerifierOptions options, TimeProvider time)
{
    private sealed record Entry(JsonWebKeySet Keys, DateTimeOffset FetchedAt);

    private readonly ConcurrentDictionary<Uri, Entry> _entries = new();
    private readonly ConcurrentDictionary<Uri, SemaphoreSlim> _locks = new();

    public async Task<(PublicJsonWebKey? Key, string? Error)> FindAsync(Uri url, string kid, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(url, out var entry) && now - entry.FetchedAt < options.JwksCacheDuration
            && entry.Keys.Find(kid) is { } cached)
            return (cached, null);

        var gate = _locks.GetOrAdd(url, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            now = time.GetUtcNow();
            if (_entries.TryGetValue(url, out entry))
            {
                var fresh = now - entry.FetchedAt < options.JwksCacheDuration;
                if (fresh && entry.Keys.Find(kid) is { } found) return (found, null);
                // Unknown kid in a fresh set: refetch only if the last fetch is old enough.
                if (fresh && now - entry.FetchedAt < options.JwksMinRefreshInterval) return (null, null);
            }
            string text;
            try
            {
                text = await fetcher.FetchAsync(url, ct);
            }
            catch (JwksFetchException e)
            {
                // Keep serving a stale set rather than failing every call while the client's endpoint is down.
                return entry is not null ? (entry.Keys.Find(kid), null) : (null, e.Message);
            }
            var keys = JsonWebKeySet.TryParse(text, options.MaxKeysPerSet);
            if (keys is null) return entry is not null ? (entry.Keys.Find(kid), null) : (null, $"JWKS {url} is not a JWK Set");
            _entries[url] = new Entry(keys, now);
            return (keys.Find(kid), null);
        }
        finally
        {
            gate.Release();
        }
    }
}
