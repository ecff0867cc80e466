namespace TaceCds.Security.Tests;

/// <summary>Serves JWK Sets from memory and counts fetches per URL, so tests see when the cache goes to the network.</summary>
internal sealed class FakeJwksFetcher : IJwksFetcher
{
    public Dictionary<Uri, string> Documents { get; } = [];
    public Dictionary<Uri, int> Fetches { get; } = [];

    public Task<string> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        Fetches[url] = Fetches.GetValueOrDefault(url) + 1;
        return Documents.TryGetValue(url, out var doc)
            ? Task.FromResult(doc)
            : throw new JwksFetchException($"no document at {url}");
    }
}
