using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Response;

namespace TaceCds.Clinical.Course;

/// <summary>
/// The current TACE course: consecutive TACE sessions with no other liver-directed therapy in between
/// (clinical-reference.md §2), its baseline exam and one mRECIST assessment per contrast CT/MR after it. Two target
/// ledgers: the mRECIST targets chosen at baseline, and the CCI 2022 set (<see cref="Cci"/>, <see cref="Assessment.Cci"/>).
/// </summary>
public sealed record TaceCourse
{
    /// <summary>Every TACE session up to asOf, with the course it belongs to.</summary>
    public required IReadOnlyList<TaceSession> AllSessions { get; init; }
    /// <summary>The sessions of the current course, oldest first.</summary>
    public required IReadOnlyList<TaceSession> Sessions { get; init; }
    public int ConsecutiveSessions => Sessions.Count;
    /// <summary>The therapy that preceded the course (and so bounds its baseline), if any.</summary>
    public TherapyFact? StartedAfter { get; init; }
    /// <summary>The therapy that ended the course, if one followed its last session.</summary>
    public TherapyFact? EndedBy { get; init; }
    public required IReadOnlyList<TherapyFact> OtherTherapies { get; init; }
    /// <summary>Systemic therapy given during the course (noted, does not end it).</summary>
    public required IReadOnlyList<MedicationFact> SystemicTherapies { get; init; }
    public Baseline? Baseline { get; init; }
    /// <summary>Why there is no baseline, when there is none.</summary>
    public string? BaselineMissingReason { get; init; }
    public required IReadOnlyList<Assessment> Assessments { get; init; }
    /// <summary>The CCI 2022 baseline and standardized-session run.</summary>
    public required CciCourse Cci { get; init; }
    /// <summary>Assumptions the tracking made (stated on outputs).</summary>
    public required IReadOnlyList<string> Assumptions { get; init; }

    public TaceSession? LastSession => Sessions.Count == 0 ? null : Sessions[^1];
}

public sealed record TaceSession(DateOnly Date, string Source, bool? Standardized, int CourseNumber);

/// <summary>One target lesion's viable diameter at an exam.</summary>
public sealed record TargetMeasurement(string Lesion, decimal DiameterMm, string Source, bool EnteredAsNewLesion = false);

public sealed record Baseline
{
    public required DateOnly Date { get; init; }
    public required string Exam { get; init; }
    public required string Modality { get; init; }
    public required decimal TargetSumMm { get; init; }
    public required IReadOnlyList<TargetMeasurement> Targets { get; init; }
    public int DaysBeforeFirstSession { get; init; }
}

public sealed record Assessment
{
    public required DateOnly Date { get; init; }
    public required string Exam { get; init; }
    public required string Modality { get; init; }
    public int? DaysAfterLastTace { get; init; }
    /// <summary>The date of the last TACE session of the course before this exam (its assessment window starts from it).</summary>
    public DateOnly? LastSessionDate { get; init; }
    public required int SessionsBefore { get; init; }
    public required decimal TargetSumMm { get; init; }
    /// <summary>The nadir this exam is compared with: the smallest sum before it, baseline included.</summary>
    public required decimal NadirSumMm { get; init; }
    public decimal? ChangeFromBaselinePct { get; init; }
    public decimal? ChangeFromNadirPct { get; init; }
    public required MrecistCategory TargetResponse { get; init; }
    /// <summary>The CCI ledger's sum against the baseline sum (the "vs before the first TACE" comparison); null when the CCI sum cannot be computed.</summary>
    public MrecistCategory? ResponseVsBaseline => Cci?.ResponseVsBaseline;
    /// <summary>The CCI ledger at this exam; null when a lesion of the CCI set was not measured.</summary>
    public CciAssessment? Cci { get; init; }
    public required bool NewIntrahepaticLesion { get; init; }
    public required bool NewExtrahepaticLesion { get; init; }
    public NonTargetCategory? NonTargetResponse { get; init; }
    public required MrecistCategory OverallResponse { get; init; }
    /// <summary>The radiologist's reported overall response, when given.</summary>
    public MrecistCategory? ReportedResponse { get; init; }
    /// <summary>The mRECIST target lesions: those chosen at baseline, never a new lesion.</summary>
    public required IReadOnlyList<TargetMeasurement> Targets { get; init; }
    /// <summary>New intrahepatic lesions seen at this exam (first seen here, or seen before and still viable).</summary>
    public required IReadOnlyList<string> NewLesions { get; init; }
    /// <summary>The per-exam Observations used (new-lesion flags, non-target response, reported response).</summary>
    public required IReadOnlyList<string> Sources { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
}
