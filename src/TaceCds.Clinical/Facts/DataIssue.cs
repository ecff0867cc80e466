namespace TaceCds.Clinical.Facts;

/// <summary>
/// Something in the input the engine could not use as it stands, or used with a caveat. Codes are stable
/// (documented in docs/data-issues.md) so that downstream tools and tests can rely on them.
/// </summary>
public sealed record DataIssue(string Code, string? Resource, string Message, string Severity = DataIssue.Warning)
{
    public const string Warning = "warning";
    public const string Information = "information";
    public const string Error = "error";
}

/// <summary>The stable data-issue codes.</summary>
public static class DataIssueCodes
{
    public const string UnknownUnit = "unknown-unit";
    public const string MissingValue = "missing-value";
    public const string InvalidValue = "invalid-value";
    public const string MissingDate = "missing-date";
    public const string MissingStatus = "missing-status";
    public const string PreliminaryUsed = "preliminary-used";
    public const string CensoredValue = "censored-value";
    public const string UnknownLesion = "unknown-lesion";
    public const string LesionNotFocused = "lesion-measurement-without-focus";
    public const string DuplicateSession = "duplicate-session";
    public const string ProcedureNotCompleted = "procedure-not-completed";
    public const string ConflictingValues = "conflicting-values";
    public const string StaleValue = "stale-value";
    public const string MultipleTargetsLimited = "targets-limited";
    public const string LesionBelowMeasurable = "lesion-below-10mm";
    public const string IncompleteTargetMeasurement = "incomplete-target-measurement";
    public const string ExamNotAssessable = "exam-not-mrecist-assessable";
    public const string NoBaseline = "no-baseline";
    public const string BaselineNotQualifying = "baseline-exam-not-qualifying";
    public const string BaselineTooOld = "cci-baseline-too-old";
    public const string ReportedDisagrees = "reported-disagrees";
    public const string ComputedReplacesReported = "computed-replaces-reported";
    public const string UnresolvedReference = "unresolved-reference";
    /// <summary>The same resource (Type/id or fullUrl) more than once with the same content: counted once.</summary>
    public const string DuplicateResource = "duplicate-resource";
    /// <summary>The same resource more than once with different content: no copy used, dependants insufficient.</summary>
    public const string ConflictingDuplicate = "conflicting-duplicate";
    /// <summary>The Patient resource itself could not be read: evaluated under the patient id the request names.</summary>
    public const string PatientFromContext = "patient-from-context";
    /// <summary>The patient's Procedures with a code in no value set the engine reads: not TACE, not a course-ending therapy.</summary>
    public const string UnknownProcedureCode = "unknown-procedure-code";
}
