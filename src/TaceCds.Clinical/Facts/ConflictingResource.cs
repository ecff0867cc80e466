using TaceCds.Clinical.Codes;

namespace TaceCds.Clinical.Facts;

/// <summary>
/// A resource (same <c>Type/id</c> or fullUrl) found more than once in the input with different content — a
/// Procedure on two dates, a lab with two values. No copy is trusted, so none of them becomes a fact: anything that
/// would have counted it (a TACE session, a score input) must be read as insufficient data, never as absent.
/// </summary>
public sealed record ConflictingResource
{
    /// <summary><c>Type/id</c>, or the fullUrl of a resource without id.</summary>
    public required string Reference { get; init; }
    public required string ResourceType { get; init; }
    /// <summary>Where each copy was found (Bundle entry, file:line, prefetch key, FHIR search page).</summary>
    public required IReadOnlyList<string> Locations { get; init; }
    /// <summary>Top-level elements whose values differ between the copies (<c>meta</c> is not compared).</summary>
    public required IReadOnlyList<string> Differences { get; init; }
    /// <summary>The procedures the copies record (e.g. TACE): a session count that includes them is unknown.</summary>
    public IReadOnlyList<TherapyKind> Therapies { get; init; } = [];
    /// <summary>The observation kinds the copies record (e.g. AFP): a score or criterion using them is insufficient.</summary>
    public IReadOnlyList<FactKind> Kinds { get; init; } = [];
    /// <summary>The days the copies say they record (an Observation's effective date): a value chosen "as of" a day on or
    /// after one of them cannot be trusted, since the untrusted copy may be the latest.</summary>
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];
}
