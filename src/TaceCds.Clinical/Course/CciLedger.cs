using TaceCds.Clinical.Response;

namespace TaceCds.Clinical.Course;

/// <summary>
/// The course-level part of the CCI 2022 ledger (clinical-reference.md §2): whether the mRECIST baseline may serve as
/// "before the first TACE" (a contrast CT/MR at most <see cref="MaxDaysBeforeFirstSession"/> days before it), and the
/// run of standardized sessions the consensus counts.
/// </summary>
public sealed record CciCourse
{
    public required int MaxDaysBeforeFirstSession { get; init; }
    /// <summary>The CCI baseline (the mRECIST baseline when recent enough), or null with <see cref="BaselineMissing"/>.</summary>
    public Baseline? Baseline { get; init; }
    /// <summary>Why there is no CCI baseline, in clinical words (names the age of a too-old exam).</summary>
    public string? BaselineMissing { get; init; }
    /// <summary>Sessions of the course since the last one documented as not standardized (all of them when none is).</summary>
    public required int ConsecutiveStandardizedSessions { get; init; }
    /// <summary>The last session of the course documented as not standardized: the count restarts after it.</summary>
    public TaceSession? LastNotStandardized { get; init; }
}

/// <summary>A new intrahepatic lesion of the CCI target set: first seen after TACE 1 and before TACE 3, entering at 0 mm.</summary>
/// <param name="AfterSession">The number of course sessions before the exam that first showed it (1 or 2).</param>
/// <param name="ConfirmedOn">For a focus first seen under 10 mm (equivocal): the exam that confirmed it (≥ 10 mm).</param>
public sealed record CciNewLesion(string Lesion, DateOnly FirstSeen, int AfterSession, DateOnly? ConfirmedOn = null);

/// <summary>
/// The CCI ledger at one assessment: the baseline targets plus the new lesions of the set (each from 0 mm), compared
/// with the baseline sum only ("still PD vs before the first TACE" = ≥ 120 %). Separate from the mRECIST targets.
/// </summary>
public sealed record CciAssessment
{
    public required decimal TargetSumMm { get; init; }
    public required decimal BaselineSumMm { get; init; }
    /// <summary>Target sum / baseline sum × 100, rounded to 0.1; null when the baseline sum is 0.</summary>
    public decimal? PercentOfBaseline { get; init; }
    public required MrecistCategory ResponseVsBaseline { get; init; }
    /// <summary>Baseline targets, then the set's new lesions (<see cref="TargetMeasurement.EnteredAsNewLesion"/>).</summary>
    public required IReadOnlyList<TargetMeasurement> Targets { get; init; }
    public required IReadOnlyList<CciNewLesion> NewLesionsInSet { get; init; }
}
