namespace TaceCds.Service.Hosting;

/// <summary>Bounds on what a client may send (configuration <c>TaceCds:Limits</c>).</summary>
public sealed record ServiceLimits
{
    /// <summary>Largest accepted request body; more is HTTP 413. Full prefetch for a long course is a few hundred KB.</summary>
    public long MaxRequestBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted in a request.</summary>
    public int MaxJsonDepth { get; init; } = 64;
}
