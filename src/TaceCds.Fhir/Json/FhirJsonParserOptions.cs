namespace TaceCds.Fhir.Json;

/// <summary>Bounds on what the readers accept, so no input can make them allocate without limit.</summary>
public sealed record FhirJsonParserOptions
{
    public static FhirJsonParserOptions Default { get; } = new();

    /// <summary>Largest file or stream read as one JSON document (JSON106 beyond). Default 256 MB.</summary>
    public long MaxInputBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Longest NDJSON line (JSON106 for that line beyond; the reader continues). Default 64 MB.</summary>
    public int MaxNdjsonLineBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Deepest JSON nesting (System.Text.Json's MaxDepth; JSON101 beyond). Default 64.</summary>
    public int MaxDepth { get; init; } = 64;
}
