using System.Globalization;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Course;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Response;

namespace TaceCds.Clinical.Evaluation;

/// <summary>The <c>course</c> member of the EvaluationResult (contracts/evaluation-output.md, v2 in docs/evaluation-output.md). Absent values are omitted.</summary>
public static class CourseJson
{
    public static JsonObject Write(TaceCourse course)
    {
        var json = new JsonObject
        {
            ["taceSessions"] = new JsonArray(course.AllSessions.Select(Session).ToArray<JsonNode?>()),
            ["consecutiveSessions"] = course.ConsecutiveSessions,
        };
        if (course.Sessions.Count > 0)
        {
            json["courseStart"] = Day(course.Sessions[0].Date);
            json["lastSession"] = Day(course.Sessions[^1].Date);
        }
        if (course.StartedAfter is { } after) json["startedAfter"] = Therapy(after);
        if (course.EndedBy is { } ended) json["endedBy"] = Therapy(ended);
        if (course.OtherTherapies.Count > 0) json["otherTherapies"] = new JsonArray(course.OtherTherapies.Select(Therapy).ToArray<JsonNode?>());
        if (course.SystemicTherapies.Count > 0) json["systemicTherapies"] = new JsonArray(course.SystemicTherapies.Select(Medication).ToArray<JsonNode?>());
        if (course.Baseline is { } b)
        {
            json["baseline"] = Baseline(b);
        }
        else if (course.BaselineMissingReason is { } reason) json["baselineMissing"] = reason;
        json["cci"] = Cci(course.Cci);
        json["assessments"] = new JsonArray(course.Assessments.Select(Assessment).ToArray<JsonNode?>());
        if (course.Assumptions.Count > 0) json["assumptions"] = Strings(course.Assumptions);
        return json;
    }

    private static JsonObject Baseline(Baseline b) => new()
    {
        ["date"] = Day(b.Date),
        ["targetSumMm"] = b.TargetSumMm,
        ["exam"] = b.Exam,
        ["modality"] = b.Modality,
        ["daysBeforeFirstSession"] = b.DaysBeforeFirstSession,
        ["targets"] = Targets(b.Targets),
    };

    /// <summary><c>course.cci</c>: the CCI 2022 baseline (or why there is none) and the standardized-session run (contract v2).</summary>
    private static JsonObject Cci(CciCourse cci)
    {
        var o = new JsonObject { ["baselineMaxDaysBeforeFirstSession"] = cci.MaxDaysBeforeFirstSession };
        if (cci.Baseline is { } b) o["baseline"] = Baseline(b);
        else if (cci.BaselineMissing is { } why) o["baselineMissing"] = why;
        o["consecutiveStandardizedSessions"] = cci.ConsecutiveStandardizedSessions;
        if (cci.LastNotStandardized is { } s) o["lastNotStandardized"] = Session(s);
        return o;
    }

    /// <summary><c>assessment.cci</c>: the CCI ledger at this exam (contract v2).</summary>
    private static JsonObject CciAssessment(CciAssessment c)
    {
        var o = new JsonObject
        {
            ["targetSumMm"] = c.TargetSumMm,
            ["baselineSumMm"] = c.BaselineSumMm,
        };
        if (c.PercentOfBaseline is { } pct) o["percentOfBaseline"] = pct;
        o["responseVsBaseline"] = MrecistNames.Of(c.ResponseVsBaseline);
        o["targets"] = Targets(c.Targets);
        if (c.NewLesionsInSet.Count > 0)
            o["newLesionsInSet"] = new JsonArray(c.NewLesionsInSet.Select(n =>
            {
                var l = new JsonObject { ["lesion"] = n.Lesion, ["firstSeen"] = Day(n.FirstSeen), ["afterSession"] = n.AfterSession };
                if (n.ConfirmedOn is { } d) l["confirmedOn"] = Day(d);
                return (JsonNode?)l;
            }).ToArray());
        return o;
    }

    private static JsonObject Session(TaceSession s)
    {
        var o = new JsonObject { ["date"] = Day(s.Date), ["resource"] = s.Source, ["course"] = s.CourseNumber };
        if (s.Standardized is { } std) o["standardized"] = std;
        return o;
    }

    private static JsonObject Therapy(TherapyFact t) =>
        new() { ["kind"] = TherapyFact.Name(t.Kind), ["date"] = Day(t.Date), ["resource"] = t.Source };

    private static JsonObject Medication(MedicationFact m)
    {
        var o = new JsonObject { ["code"] = m.Code, ["system"] = m.System, ["resource"] = m.Source };
        if (m.Display is not null) o["display"] = m.Display;
        if (m.Start is { } s) o["start"] = Day(s);
        if (m.End is { } e) o["end"] = Day(e);
        return o;
    }

    private static JsonObject Assessment(Assessment a)
    {
        var o = new JsonObject
        {
            ["date"] = Day(a.Date),
            ["exam"] = a.Exam,
            ["modality"] = a.Modality,
        };
        if (a.DaysAfterLastTace is { } days) o["daysAfterLastTace"] = days;
        if (a.LastSessionDate is { } session) o["lastSessionDate"] = Day(session);
        o["sessionsBefore"] = a.SessionsBefore;
        o["targetSumMm"] = a.TargetSumMm;
        o["nadirSumMm"] = a.NadirSumMm;
        if (a.ChangeFromBaselinePct is { } cb) o["changeFromBaselinePct"] = cb;
        if (a.ChangeFromNadirPct is { } cn) o["changeFromNadirPct"] = cn;
        o["targetResponse"] = MrecistNames.Of(a.TargetResponse);
        if (a.ResponseVsBaseline is { } vsBaseline) o["responseVsBaseline"] = MrecistNames.Of(vsBaseline);
        o["newIntrahepaticLesion"] = a.NewIntrahepaticLesion;
        o["newExtrahepaticLesion"] = a.NewExtrahepaticLesion;
        if (a.NonTargetResponse is { } nt) o["nonTargetResponse"] = MrecistNames.Of(nt);
        o["overallResponse"] = MrecistNames.Of(a.OverallResponse);
        if (a.ReportedResponse is { } r) o["reportedResponse"] = MrecistNames.Of(r);
        o["targets"] = Targets(a.Targets);
        if (a.Cci is { } cci) o["cci"] = CciAssessment(cci);
        if (a.NewLesions.Count > 0) o["newLesions"] = Strings(a.NewLesions);
        if (a.Sources.Count > 0) o["sources"] = Strings(a.Sources);
        if (a.Notes.Count > 0) o["notes"] = Strings(a.Notes);
        return o;
    }

    private static JsonArray Targets(IEnumerable<TargetMeasurement> targets) =>
        new(targets.Select(t =>
        {
            var o = new JsonObject { ["lesion"] = t.Lesion, ["viableDiameterMm"] = t.DiameterMm, ["resource"] = t.Source };
            if (t.EnteredAsNewLesion) o["enteredAsNewLesion"] = true;
            return (JsonNode?)o;
        }).ToArray());

    internal static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
