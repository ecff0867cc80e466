using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// The <c>facts</c> member of the EvaluationResult: every fact the engine used, grouped as rules read them
/// (<c>%facts.labs.afp</c>, <c>%facts.exams</c>, <c>%facts.lesions</c>), each with its FHIR reference.
/// </summary>
public static class FactsJson
{
    private static readonly HashSet<FactKind> ExamFindings =
    [
        FactKind.NewIntrahepaticLesion, FactKind.NewExtrahepaticLesion, FactKind.NontargetResponse, FactKind.VascularInvasion,
        FactKind.ExtrahepaticSpread, FactKind.TumorCount, FactKind.LargestTumorDiameter, FactKind.ReportedMrecistResponse,
        FactKind.ReportedViablePercent, FactKind.ReportedTreatmentEffect,
        FactKind.CtDlp, FactKind.CtCtdiVol, FactKind.EffectiveDose,
    ];

    public static JsonObject Write(ClinicalFacts facts)
    {
        var json = new JsonObject();
        var patient = new JsonObject();
        if (facts.Gender is { } g) patient["gender"] = g;
        if (facts.BirthDate is { } b)
        {
            patient["birthDate"] = CourseJson.Day(b);
            patient["ageYears"] = AgeOn(b, facts.AsOf);
        }
        json["patient"] = patient;
        if (facts.Diagnoses.Count > 0) json["diagnoses"] = Diagnoses(facts.Diagnoses);
        if (facts.OtherPrimaryCancers.Count > 0) json["otherPrimaryCancers"] = Diagnoses(facts.OtherPrimaryCancers);

        var labs = new JsonObject();
        foreach (var group in facts.Observations.Where(o => o.Exam is null && o.Lesion is null).GroupBy(o => o.Kind).OrderBy(g => g.Key))
            labs[Name(group.Key)] = new JsonArray(group.Select(o => (JsonNode?)FactJson.Write(o)).ToArray());
        json["labs"] = labs;

        json["exams"] = new JsonArray(facts.Exams.Select(e =>
        {
            var o = new JsonObject { ["exam"] = e.Key, ["date"] = CourseJson.Day(e.Date), ["modality"] = e.PrimaryModality };
            o["modalities"] = CourseJson.Strings(e.Modalities);
            if (e.ContrastEnhanced is { } c) o["contrastEnhanced"] = c;
            var findings = new JsonObject();
            foreach (var f in facts.Observations.Where(x => x.Exam == e.Key && x.Lesion is null && ExamFindings.Contains(x.Kind)).GroupBy(x => x.Kind))
                findings[Name(f.Key)] = FactJson.Write(f.Last());
            if (findings.Count > 0) o["findings"] = findings;
            return (JsonNode?)o;
        }).ToArray());

        json["lesions"] = new JsonArray(facts.Lesions.Values.OrderBy(l => l.Source, StringComparer.Ordinal).Select(l =>
        {
            var o = new JsonObject { ["lesion"] = l.Source };
            if (l.Intrahepatic is { } ih) o["intrahepatic"] = ih;
            if (l.Label is { } label) o["label"] = label;
            o["measurements"] = new JsonArray(facts.Observations.Where(x => x.Lesion == l.Source).Select(x =>
            {
                var m = FactJson.Write(x);
                m["code"] = Name(x.Kind);
                if (x.Exam is { } exam) m["exam"] = exam;
                return (JsonNode?)m;
            }).ToArray());
            return (JsonNode?)o;
        }).ToArray());

        if (facts.SystemicTherapies.Count > 0)
            json["systemicTherapies"] = new JsonArray(facts.SystemicTherapies.Select(m =>
            {
                var o = new JsonObject { ["code"] = m.Code, ["system"] = m.System, ["resource"] = m.Source };
                if (m.Display is not null) o["display"] = m.Display;
                if (m.Start is { } s) o["start"] = CourseJson.Day(s);
                if (m.End is { } e) o["end"] = CourseJson.Day(e);
                return (JsonNode?)o;
            }).ToArray());
        // Resources found twice with different content: no copy is among the facts above, so a rule that counts
        // sessions or reads a lab must treat what they record as unknown (%facts.conflicting.where('tace' in therapy)).
        if (facts.Conflicting.Count > 0)
            json["conflicting"] = new JsonArray(facts.Conflicting.Select(c =>
            {
                var o = new JsonObject
                {
                    ["resource"] = c.Reference,
                    ["resourceType"] = c.ResourceType,
                    ["locations"] = CourseJson.Strings(c.Locations),
                    ["differences"] = CourseJson.Strings(c.Differences),
                };
                if (c.Therapies.Count > 0) o["therapy"] = CourseJson.Strings(c.Therapies.Select(TherapyFact.Name).ToList());
                if (c.Kinds.Count > 0) o["kind"] = CourseJson.Strings(c.Kinds.Select(Name).ToList());
                return (JsonNode?)o;
            }).ToArray());
        return json;
    }

    private static JsonArray Diagnoses(IEnumerable<DiagnosisFact> diagnoses) =>
        new(diagnoses.Select(d =>
        {
            var o = new JsonObject { ["code"] = d.Code, ["system"] = d.System, ["resource"] = d.Source };
            if (d.Display is not null) o["display"] = d.Display;
            if (d.Onset is { } on) o["onset"] = CourseJson.Day(on);
            return (JsonNode?)o;
        }).ToArray());

    public static JsonObject Summary(InputSummary s)
    {
        var o = new JsonObject
        {
            ["resourcesRead"] = s.ResourcesRead,
            ["resourcesUsed"] = s.ResourcesUsed,
            ["otherPatients"] = s.OtherPatients,
            ["afterAsOf"] = s.AfterAsOf,
            ["notUsed"] = s.NotUsed,
            ["withIssues"] = s.WithIssues,
        };
        if (s.Conflicting > 0) o["conflicting"] = s.Conflicting;
        var ignored = new JsonObject();
        foreach (var (key, count) in s.IgnoredByStatus) ignored[key] = count;
        o["ignoredByStatus"] = ignored;
        return o;
    }

    /// <summary>The fact kind's name as the project CodeSystem spells it (the key rules use).</summary>
    public static string Name(FactKind kind) => ObservationCatalog.Name(kind);

    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        if (day < birth.AddYears(age)) age--;
        return age;
    }
}
