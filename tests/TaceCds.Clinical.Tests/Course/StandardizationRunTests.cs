using TaceCds.Clinical.Tests.Support;

namespace TaceCds.Clinical.Tests.Course;

/// <summary>
/// clinical-reference.md §2: a session documented as not standardized restarts the count of consecutive standardized
/// sessions; a session whose standardization is not documented counts (with the assumption stated).
/// </summary>
public class StandardizationRunTests
{
    [Fact]
    public void Given_sessions_true_false_true_then_one_standardized_session_since_the_not_standardized_one_on_2024_02_20()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 30))
            .Tace("2024-01-10", standardized: true).Tace("2024-02-20", standardized: false).Tace("2024-04-01", standardized: true)
            .Course("2024-06-01");

        Assert.Equal(3, course.ConsecutiveSessions);
        Assert.Equal(1, course.Cci.ConsecutiveStandardizedSessions);
        Assert.Equal(new DateOnly(2024, 2, 20), course.Cci.LastNotStandardized!.Date);
    }

    [Fact]
    public void Given_a_not_standardized_last_session_then_the_run_is_zero()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 30))
            .Tace("2024-01-10").Tace("2024-02-20").Tace("2024-04-01", standardized: false)
            .Course("2024-06-01");

        Assert.Equal(0, course.Cci.ConsecutiveStandardizedSessions);
    }

    [Fact]
    public void Given_false_then_undocumented_true_true_then_three_sessions_count_and_the_undocumented_one_is_stated()
    {
        var course = RecordBuilder.For()
            .Ct("2024-01-02", ("l1", 30))
            .Tace("2024-01-10", standardized: false).Tace("2024-02-20", standardized: null)
            .Tace("2024-04-01", standardized: true).Tace("2024-05-13", standardized: true)
            .Course("2024-06-01");

        Assert.Equal(4, course.ConsecutiveSessions);
        Assert.Equal(3, course.Cci.ConsecutiveStandardizedSessions);
        Assert.Contains(course.Assumptions, a => a.StartsWith("1 of 4 TACE sessions", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_not_standardized_session_in_an_earlier_course_then_the_current_course_run_is_not_affected()
    {
        // p17's shape: TACE (false) and TACE (true), HAIC, then the current course.
        var course = RecordBuilder.For()
            .Ct("2024-01-15", ("l1", 60))
            .Tace("2024-01-22", standardized: false).Tace("2024-03-18")
            .Therapy("haic", "2024-05-06")
            .Ct("2024-06-17", ("l1", 45))
            .Tace("2024-07-01").Tace("2024-08-26").Tace("2024-10-21")
            .Course("2025-06-01");

        Assert.Equal(3, course.ConsecutiveSessions);
        Assert.Equal(3, course.Cci.ConsecutiveStandardizedSessions);
        Assert.Null(course.Cci.LastNotStandardized);
    }
}
