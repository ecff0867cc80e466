namespace TaceCds.Clinical.Facts;

/// <summary>A systemic therapy matched by the systemic-therapy value set.</summary>
public sealed record MedicationFact
{
    public required string Code { get; init; }
    public required string System { get; init; }
    public string? Display { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public required string Source { get; init; }
}

/// <summary>
/// A diagnosis from a Condition: HCC (ICD-10 C22.0 or SNOMED CT 109841003; <see cref="ClinicalFacts.Diagnoses"/>) or a
/// non-liver primary cancer (<see cref="NonLiverPrimaryCancer"/>; <see cref="ClinicalFacts.OtherPrimaryCancers"/>).
/// </summary>
public sealed record DiagnosisFact
{
    public required string Code { get; init; }
    public required string System { get; init; }
    public string? Display { get; init; }
    public DateOnly? Onset { get; init; }
    public required string Source { get; init; }
}
