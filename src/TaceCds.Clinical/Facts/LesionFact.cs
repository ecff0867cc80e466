namespace TaceCds.Clinical.Facts;

/// <summary>A lesion (BodyStructure).</summary>
public sealed record LesionFact
{
    /// <summary><c>BodyStructure/id</c>.</summary>
    public required string Source { get; init; }
    /// <summary>Location is liver (SNOMED CT 10200004 or tacecds#liver); null when the location is not given.</summary>
    public bool? Intrahepatic { get; init; }
    public string? Label { get; init; }
}
