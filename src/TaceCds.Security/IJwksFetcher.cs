namespace TaceCds.Security;

/// <summary>Fetches a JWK Set document. Only ever called with URLs from the trusted-client allowlist.</summary>
public interface IJwksFetcher
{
    /// <summary>The document text; throws <see cref="JwksFetchException"/> when it cannot be had.</summary>
    Task<string> FetchAsync(Uri url, CancellationToken cancellationToken);
}

public sealed class JwksFetchException(string message, Exception? inner = null) : Exception(message, inner);
