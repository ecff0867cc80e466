using TaceCds.Clinical.Codes;

namespace TaceCds.Clinical.Facts;

/// <summary>
/// One recognised Observation, its value normalised (quantities in the canonical unit of <see cref="Kind"/>).
/// Exactly one of <see cref="Number"/>, <see cref="Flag"/>, <see cref="Code"/> is set.
/// </summary>
public sealed record ObservationFact
{
    public required FactKind Kind { get; init; }
    public required DateOnly Date { get; init; }
    /// <summary>The effective instant as written, for same-sample matching (e.g. NLR).</summary>
    public required string EffectiveText { get; init; }
    /// <summary><c>Observation/id</c> (or the fullUrl when the resource has no id).</summary>
    public required string Source { get; init; }
    public bool Preliminary { get; init; }
    public decimal? Number { get; init; }
    public string? Unit { get; init; }
    /// <summary>
    /// Quantities: the value and UCUM unit as the source reported them, before conversion to <see cref="Unit"/>.
    /// Child-Pugh grades bilirubin on the scale of the reported unit (clinical-reference.md §5).
    /// </summary>
    public decimal? ReportedNumber { get; init; }
    public string? ReportedUnit { get; init; }
    public bool? Flag { get; init; }
    public string? Code { get; init; }
    /// <summary>The lesion (<c>BodyStructure/id</c>) this measurement is about, for per-lesion kinds.</summary>
    public string? Lesion { get; init; }
    /// <summary>The exam key: <c>ImagingStudy/id</c> from derivedFrom, else <c>date:yyyy-MM-dd</c>.</summary>
    public string? Exam { get; init; }
    /// <summary>Specimen reference or effective instant: two labs with the same key come from one sample.</summary>
    public string? SampleKey { get; init; }
    /// <summary>True when the value was computed by the engine from other facts (e.g. NIC from the two ICs).</summary>
    public bool Derived { get; init; }
    public IReadOnlyList<string> DerivedFrom { get; init; } = [];
}
