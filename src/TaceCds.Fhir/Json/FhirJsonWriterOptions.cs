namespace TaceCds.Fhir.Json;

public sealed record FhirJsonWriterOptions
{
    public static FhirJsonWriterOptions Default { get; } = new();

    /// <summary>Indented output (two spaces) instead of compact.</summary>
    public bool Indented { get; init; }

    /// <summary>
    /// Write a resource read from JSON as it was read (<see cref="Model.Resource.Json"/>), keeping every element the
    /// model does not hold. Only correct when the resource was not changed; off by default, so the default output
    /// is always what the model says.
    /// </summary>
    public bool UseOriginalJson { get; init; }
}
