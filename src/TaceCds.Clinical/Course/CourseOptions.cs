namespace TaceCds.Clinical.Course;

/// <summary>Choices of the course tracking that a site may configure (stated on outputs).</summary>
public sealed record CourseOptions
{
    /// <summary>
    /// The CCI baseline is the last contrast CT/MR on or before the first TACE and at most this many days before it
    /// (clinical-reference.md §2: RECIST practice is ≤ 4 weeks; an older baseline understates a fast-growing HCC and
    /// makes "PD vs before the first TACE" too easy).
    /// </summary>
    public int CciBaselineMaxDaysBeforeFirstTace { get; init; } = 28;

    public static readonly CourseOptions Default = new();
}
