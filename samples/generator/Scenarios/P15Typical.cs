using TaceCds.SampleGenerator.Fhir;
using static TaceCds.SampleGenerator.Scenarios.Visits;

namespace TaceCds.SampleGenerator.Scenarios;

/// <summary>
/// p15 — a typical chart, sized for the benchmark: 5 TACE sessions (standardization documented on 1, 3, 4; the 3rd
/// coded with SNOMED CT), 8 contrast exams, 8 blood samples (72 lab Observations). Baseline 77 mm, best 37 mm (PR).
/// Labs are drawn before each session and at the 3 exams after the last session; the exams between sessions fall
/// within two weeks of the next session's labs, which serve for both.
/// </summary>
public static class P15Typical
{
    private static readonly (DateOnly Date, bool IsMr, decimal A, decimal B, string Response)[] FollowUps =
    [
        (D(2023, 7, 24), false, 36, 26, "SD"),
        (D(2023, 9, 18), true, 30, 22, "PR"),
        (D(2023, 11, 20), false, 26, 18, "PR"),
        (D(2024, 1, 22), false, 24, 16, "PR"),
        (D(2024, 4, 1), false, 22, 15, "PR"),
        (D(2024, 7, 15), true, 24, 16, "PR"),
        (D(2024, 11, 18), false, 25, 17, "PR"),
    ];

    private static readonly (DateOnly Date, bool? Standardized, bool Snomed)[] Sessions =
    [
        (D(2023, 6, 12), true, false),
        (D(2023, 8, 7), null, false),
        (D(2023, 10, 9), true, true),
        (D(2023, 12, 11), true, false),
        (D(2024, 2, 19), null, false),
    ];

    private static readonly decimal[] AfpBeforeSession = [180m, 95m, 60m, 42m, 35m];
    private static readonly decimal[] AfpAfterCourse = [30m, 33m, 36m];

    public static PatientRecord Build()
    {
        var r = new PatientRecord("p15", seed: 1515);
        r.Patient("Guo", "Feng", "male", D(1963, 3, 3));
        r.Hcc(D(2023, 5, 22));

        var a = r.Lesion("a", "Segment VIII tumor");
        var b = r.Lesion("b", "Segment VI tumor");

        var baseline = r.Ct(D(2023, 6, 5));
        r.Measure(baseline, a, 45, 47);
        r.Measure(baseline, b, 32, 33);
        r.Findings(baseline, new() { TumorCount = 2, LargestTumorMm = 47, VascularInvasion = false, ExtrahepaticSpread = false });
        r.ReportedChildPugh(D(2023, 6, 11), 5);

        for (var session = 0; session < Sessions.Length; session++)
        {
            var (date, standardized, snomed) = Sessions[session];
            PreSession(r, date, Compensated with { AfpNgMl = AfpBeforeSession[session] });
            r.Tace(session + 1, date, standardized, snomed);
            if (session < Sessions.Length - 1)
            {
                AddFollowUp(r, a, b, FollowUps[session]);
            }
        }
        var afterCourse = FollowUps[(Sessions.Length - 1)..];
        for (var visit = 0; visit < afterCourse.Length; visit++)
        {
            var exam = AddFollowUp(r, a, b, afterCourse[visit]);
            r.Labs(exam.Date, Compensated with { AfpNgMl = AfpAfterCourse[visit] });
        }
        r.BedsideAssessment(afterCourse[^1].Date, ecog: 0);
        return r;
    }

    private static Exam AddFollowUp(PatientRecord r, Lesion a, Lesion b,
        (DateOnly Date, bool IsMr, decimal A, decimal B, string Response) visit)
    {
        var exam = visit.IsMr ? r.Mr(visit.Date) : r.Ct(visit.Date);
        // The whole tumor shrinks less than its viable part (lipiodol-laden necrosis stays visible).
        var wholeA = Math.Round(47 - (45 - visit.A) / 3, 0, MidpointRounding.AwayFromZero);
        var wholeB = Math.Round(33 - (32 - visit.B) / 3, 0, MidpointRounding.AwayFromZero);
        r.Measure(exam, a, visit.A, wholeA);
        r.Measure(exam, b, visit.B, wholeB);
        r.Findings(exam, new()
        {
            TumorCount = 2, LargestTumorMm = wholeA, NewIntrahepaticLesion = false,
            MrecistResponse = visit.Response,
        });
        return exam;
    }
}
