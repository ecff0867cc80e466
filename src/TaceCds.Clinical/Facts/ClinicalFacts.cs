using TaceCds.Clinical.Codes;

namespace TaceCds.Clinical.Facts;

/// <summary>Everything the engine knows about one patient as of <see cref="AsOf"/>, each fact pointing back to its resource.</summary>
public sealed record ClinicalFacts
{
    public required string PatientReference { get; init; }
    public required DateOnly AsOf { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? Gender { get; init; }
    /// <summary>Observations, oldest first.</summary>
    public required IReadOnlyList<ObservationFact> Observations { get; init; }
    /// <summary>Completed liver-directed procedures (TACE and course-ending therapies), oldest first.</summary>
    public required IReadOnlyList<TherapyFact> Therapies { get; init; }
    public required IReadOnlyList<ImagingExamFact> Exams { get; init; }
    public required IReadOnlyDictionary<string, LesionFact> Lesions { get; init; }
    public required IReadOnlyList<MedicationFact> SystemicTherapies { get; init; }
    public required IReadOnlyList<DiagnosisFact> Diagnoses { get; init; }
    /// <summary>Documented primary cancers of a site other than the liver (<see cref="NonLiverPrimaryCancer"/>).</summary>
    public IReadOnlyList<DiagnosisFact> OtherPrimaryCancers { get; init; } = [];
    public required IReadOnlyList<DataIssue> DataIssues { get; init; }
    /// <summary>
    /// Resources found twice with different content (<see cref="ConflictingResource"/>): none of them is in the facts
    /// above, so whatever counts or reads them (the TACE session count, a lab a score uses) is insufficient data.
    /// </summary>
    public IReadOnlyList<ConflictingResource> Conflicting { get; init; } = [];
    public required InputSummary Summary { get; init; }

    private ILookup<FactKind, ObservationFact>? _byKind;

    /// <summary>The observations of one kind, oldest first (indexed on first use).</summary>
    public IEnumerable<ObservationFact> Of(FactKind kind) => (_byKind ??= Observations.ToLookup(o => o.Kind))[kind];

    public IReadOnlyList<TherapyFact> TaceSessions => Therapies.Where(t => t.Kind == TherapyKind.Tace).ToList();

    public ImagingExamFact? Exam(string key) => Exams.FirstOrDefault(e => e.Key == key);

    /// <summary>Whether a conflicting resource recorded a procedure of this kind (then the session count is unknown).</summary>
    public bool HasConflicting(TherapyKind kind) => Conflicting.Any(c => c.Therapies.Contains(kind));

    /// <summary>Whether a conflicting resource recorded an observation of this kind (then values of this kind are incomplete).</summary>
    public bool HasConflicting(FactKind kind) => Conflicting.Any(c => c.Kinds.Contains(kind));

    /// <summary>The days of the conflicting copies that recorded an observation of this kind.</summary>
    public IEnumerable<DateOnly> ConflictingDates(FactKind kind) => Conflicting.Where(c => c.Kinds.Contains(kind)).SelectMany(c => c.Dates);
}

/// <summary>What was read, used and left out, and why — so that nothing is dropped without being counted.</summary>
public sealed class InputSummary
{
    public int ResourcesRead { get; set; }
    public int ResourcesUsed { get; set; }
    /// <summary>Key: <c>ResourceType:status</c>.</summary>
    public SortedDictionary<string, int> IgnoredByStatus { get; } = new(StringComparer.Ordinal);
    public int OtherPatients { get; set; }
    public int AfterAsOf { get; set; }
    /// <summary>Resources whose type or code TaceCds does not read.</summary>
    public int NotUsed { get; set; }
    public int WithIssues { get; set; }
    /// <summary>Copies of resources found more than once with different content; none is used.</summary>
    public int Conflicting { get; set; }

    public void Ignore(string resourceType, string? status) =>
        IgnoredByStatus[$"{resourceType}:{status ?? "(none)"}"] = IgnoredByStatus.GetValueOrDefault($"{resourceType}:{status ?? "(none)"}") + 1;
}
