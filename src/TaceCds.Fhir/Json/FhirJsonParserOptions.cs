namespace TaceCds.Fhir.Json;

/// <summary>Bounds on what the readers accept, so no input can make them allocate without limit.</summary>
public sealed record FhirJsonParserOptions
{
    public static FhirJsonParserOptions Default { get; } = new();

    /// <summary>Largest file or stream read as one JSON document (JSON106 beyond). Default 256 MB.</summary>
    public long MaxInputBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Longest NDJSON line (JSON106 for that line beyond; the reader continues). Default 64 MB.</summary>
    public int MaxNdjsonLineBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>
    /// When true, an element that cannot be read (a bad date, a string where FHIR has an array, …) is left out of the
    /// model and listed in <see cref="Model.Resource.DroppedElements"/> instead of failing the resource; <c>id</c>,
    /// <c>resourceType</c> and <c>modifierExtension</c> still fail it (without them the resource cannot be identified
    /// or its meaning is unknown). Default false: the parser is all-or-nothing; data sources and the service recover.
    /// </summary>
    public bool DropBadElements { get; init; }

    /// <summary>The defaults, with <see cref="DropBadElements"/>.</summary>
    public static FhirJsonParserOptions Recovering { get; } = new() { DropBadElements = true };

    /// <summary>Deepest JSON nesting (System.Text.Json's MaxDepth; JSON101 beyond). Default 64.</summary>
    public int MaxDepth { get; init; } = 64;
}
