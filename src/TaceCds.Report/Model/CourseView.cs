using System.Text.Json.Nodes;

namespace TaceCds.Report.Model;

/// <summary>The <c>course</c> of an EvaluationResult, read once into the shapes the charts draw.</summary>
public sealed class CourseView
{
    public sealed record Session(DateOnly Date, int Number, string? Resource, bool? Standardized, int Course);
    public sealed record Therapy(DateOnly Date, string Kind, string? Resource);
    public sealed record Systemic(DateOnly? Start, DateOnly? End, string Name);
    public sealed record Exam(DateOnly Date, string Modality, string? Key);
    /// <summary>A definition met on a date that reports its relevance in time (e.g. stop-tace): current or history, and why.</summary>
    public sealed record Decision(DateOnly Date, string Definition, string Relevance, string? Reason);
    public sealed record ResponsePoint(
        DateOnly Date, double SumMm, double? NadirBeforeMm, double? ChangeFromBaselinePct, double? ChangeFromNadirPct,
        string? TargetResponse, string? OverallResponse, string? Modality, bool IsBaseline);

    public IReadOnlyList<Session> Sessions { get; }
    public IReadOnlyList<Therapy> OtherTherapies { get; }
    public IReadOnlyList<Systemic> SystemicTherapies { get; }
    public IReadOnlyList<Exam> Exams { get; }
    public IReadOnlyList<Decision> Decisions { get; }
    /// <summary>Baseline (when known) then each assessment, oldest first.</summary>
    public IReadOnlyList<ResponsePoint> Response { get; }
    public double? BaselineSumMm { get; }
    public DateOnly? AsOf { get; }
    /// <summary>Why the course has no baseline, as the engine says (course.baselineMissing).</summary>
    public string? BaselineMissing { get; }

    /// <summary>The sessions of the current (latest) course: the ones the response is measured against.</summary>
    public IEnumerable<Session> CurrentCourseSessions => Sessions.Where(s => s.Course == Sessions.Max(x => x.Course));

    public CourseView(JsonObject result)
    {
        var course = result["course"];
        AsOf = result["asOf"].Day();
        var number = 0;
        Sessions = course.At("taceSessions").Objects()
            .Select(s => (Date: s["date"].Day(), s))
            .Where(s => s.Date is not null)
            .Select(s => new Session(s.Date!.Value, ++number, s.s["resource"].Str(), s.s["standardized"].Bool(), (int)(s.s["course"].Num() ?? 1)))
            .ToList();

        var therapies = new List<Therapy>();
        foreach (var t in course.At("otherTherapies").Objects().Concat(new[] { course.At("endedBy"), course.At("startedAfter") }.OfType<JsonObject>()))
        {
            if (t["date"].Day() is not { } d) continue;
            var resource = t["resource"].Str();
            if (resource is not null && therapies.Any(x => x.Resource == resource)) continue;
            therapies.Add(new Therapy(d, t["kind"].Str() ?? "therapy", resource));
        }
        OtherTherapies = therapies.OrderBy(t => t.Date).ToList();

        var systemic = course.At("systemicTherapies") as JsonArray ?? result.At("facts", "systemicTherapies") as JsonArray;
        SystemicTherapies = systemic.Objects()
            .Select(m => new Systemic(m["start"].Day(), m["end"].Day(), m["display"].Str() ?? m["code"].Str() ?? "systemic therapy"))
            .ToList();

        Exams = result.At("facts", "exams").Objects()
            .Where(e => e["date"].Day() is not null)
            .Select(e => new Exam(e["date"].Day()!.Value, e["modality"].Str() ?? "?", e["exam"].Str()))
            .OrderBy(e => e.Date).ToList();

        Decisions = result["definitions"].Members()
            .Where(d => d.Value.At("status").Str() == "met" && d.Value.At("values", "relevance").Str() is not null && d.Value.At("values", "qualifyingDate").Day() is not null)
            .Select(d => new Decision(d.Value.At("values", "qualifyingDate").Day()!.Value, d.Key, d.Value.At("values", "relevance").Str()!,
                d.Value.At("values", "relevanceReason").Str()))
            .ToList();

        BaselineMissing = course.At("baselineMissing").Str();
        var response = new List<ResponsePoint>();
        if (course.At("baseline") is JsonObject b && b["date"].Day() is { } bd && b["targetSumMm"].Num() is { } bs)
        {
            BaselineSumMm = bs;
            response.Add(new ResponsePoint(bd, bs, null, null, null, null, null, b["modality"].Str(), true));
        }
        foreach (var a in course.At("assessments").Objects())
        {
            if (a["date"].Day() is not { } d || a["targetSumMm"].Num() is not { } sum) continue;
            response.Add(new ResponsePoint(d, sum, a["nadirSumMm"].Num(), a["changeFromBaselinePct"].Num(), a["changeFromNadirPct"].Num(),
                a["targetResponse"].Str(), a["overallResponse"].Str(), a["modality"].Str(), false));
        }
        Response = response;
    }
}
