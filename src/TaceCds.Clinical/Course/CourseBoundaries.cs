using TaceCds.Clinical.Facts;

namespace TaceCds.Clinical.Course;

/// <summary>Splits the TACE sessions into courses: another liver-directed therapy ends a course.</summary>
internal static class CourseBoundaries
{
    public sealed record Split(
        IReadOnlyList<TaceSession> AllSessions, IReadOnlyList<TaceSession> Current,
        TherapyFact? StartedAfter, TherapyFact? EndedBy, IReadOnlyList<TherapyFact> Other);

    public static Split Find(IReadOnlyList<TherapyFact> therapies)
    {
        var ordered = therapies.OrderBy(t => t.Date).ThenBy(t => t.Kind == Facts.TherapyKind.Tace ? 1 : 0).ToList();
        var all = new List<TaceSession>();
        var other = new List<TherapyFact>();
        int course = 0;
        bool inCourse = false;
        foreach (var t in ordered)
        {
            if (t.Kind == TherapyKind.Tace)
            {
                if (!inCourse) { course++; inCourse = true; }
                all.Add(new TaceSession(t.Date, t.Source, t.Standardized, course));
            }
            else
            {
                other.Add(t);
                inCourse = false;
            }
        }
        if (all.Count == 0) return new Split(all, [], null, null, other);

        var current = all.Where(s => s.CourseNumber == course).ToList();
        // Ordering above puts another therapy before a TACE of the same day: it opens a course, never closes one.
        var startedAfter = other.LastOrDefault(t => t.Date <= current[0].Date);
        var endedBy = other.FirstOrDefault(t => t.Date > current[^1].Date);
        return new Split(all, current, startedAfter, endedBy, other);
    }
}
