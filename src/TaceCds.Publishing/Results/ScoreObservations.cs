using System.Text.Json.Nodes;
using Hl7.Fhir.Model;

namespace TaceCds.Publishing.Results;

/// <summary>
/// The computed scores of the EvaluationResult (<c>scores</c>, and <c>scores.beforeFirstTace</c>) as Observations coded in
/// the results CodeSystem (fhir-profiles/CodeSystem-tacecds-results.json), each <c>derivedFrom</c> the input resources the
/// score lists as its sources. A score the engine did not compute is not in <c>scores</c> and gets no Observation (its gaps
/// are in the GuidanceResponse of the packs reading it).
/// </summary>
public static class ScoreObservations
{
    /// <summary>How a score member of the EvaluationResult is published: its code, display, value member and kind.</summary>
    private sealed record ScoreShape(string Member, string Code, string Display, string Value, ValueKind Kind, string? Component = null, string? ComponentCode = null, string? ComponentDisplay = null);

    private enum ValueKind { Ratio, Points, CnlcStage, BclcStage, Grade }

    private static readonly ScoreShape[] Shapes =
    [
        new("nlr", "nlr", "Neutrophil-to-lymphocyte ratio", "value", ValueKind.Ratio),
        new("childPugh", "child-pugh-score", "Child-Pugh score", "points", ValueKind.Points, "class", "child-pugh-class", "Child-Pugh class"),
        new("albi", "albi-score", "ALBI score", "value", ValueKind.Ratio, "grade", "albi-grade", "ALBI grade"),
        new("malbi", "malbi-grade", "Modified ALBI grade", "grade", ValueKind.Grade),
        new("cnlc", "cnlc-stage", "CNLC stage", "stage", ValueKind.CnlcStage),
        new("bclc", "bclc-stage", "BCLC stage", "stage", ValueKind.BclcStage),
        new("hap", "hap-score", "HAP score", "points", ValueKind.Points, "class", "hap-class", "HAP class"),
        new("mhap2", "mhap2-score", "mHAP-II score", "points", ValueKind.Points, "class", "mhap2-class", "mHAP-II class"),
        new("art", "art-score", "ART score", "points", ValueKind.Points, "recommendation", "art-recommendation", "ART recommendation"),
        new("abcr", "abcr-score", "ABCR score", "points", ValueKind.Points, "band", "abcr-band", "ABCR band"),
    ];

    /// <summary>The Observations, keyed by the score's path in the result (<c>scores.nlr</c>, <c>scores.beforeFirstTace.albi</c>).</summary>
    public static List<(string Path, Observation Observation)> Build(ResultContext context)
    {
        var list = new List<(string, Observation)>();
        if (context.Result["scores"] is not JsonObject scores) return list;
        Add(context, scores, "scores", null, list);
        if (scores["beforeFirstTace"] is JsonObject before) Add(context, before, "scores.beforeFirstTace", Text(before["assessedBefore"]), list);
        return list;
    }

    /// <summary>The result codes of every published score (for the CodeSystem consistency test).</summary>
    public static IEnumerable<string> Codes => Shapes.SelectMany(s => new[] { s.Code, s.ComponentCode }).OfType<string>();

    /// <param name="assessedBefore">The time point of a group of scores (scores.beforeFirstTace.assessedBefore).</param>
    private static void Add(ResultContext context, JsonObject scores, string prefix, string? assessedBefore, List<(string, Observation)> list)
    {
        foreach (var shape in Shapes)
        {
            if (scores[shape.Member] is not JsonObject score || Value(shape, score[shape.Value]) is not { } value) continue;
            var path = prefix + "." + shape.Member;
            var observation = new Observation
            {
                Id = context.Id("Observation|" + path),
                Status = ObservationStatus.Final,
                Code = new CodeableConcept(Canonicals.ResultCodes, shape.Code, shape.Display, null),
                Subject = context.Subject,
                Effective = Effective(score) is { } date ? new FhirDateTime(date) : null,
                Value = value,
                DerivedFrom = SourceReferences.Collect(score),
            };
            if (shape.Component is { } member && Text(score[member]) is { } componentText)
            {
                observation.Component.Add(new Observation.ComponentComponent
                {
                    Code = new CodeableConcept(Canonicals.ResultCodes, shape.ComponentCode!, shape.ComponentDisplay!, null),
                    Value = new CodeableConcept { Text = componentText },
                });
            }
            foreach (var note in new[] { (Text(score["assessedBefore"]) ?? assessedBefore) is { } b ? "Assessed before " + b : null, Text(score["source"]) is { } s ? "Source: " + s : null, Text(score["recency"]) })
                if (note is not null) observation.Note.Add(new Annotation { Text = note });
            list.Add((path, observation));
        }
    }

    private static DataType? Value(ScoreShape shape, JsonNode? node)
    {
        var text = Text(node);
        return shape.Kind switch
        {
            ValueKind.Ratio when Number(node) is { } d => new Quantity { Value = d, Unit = "1", System = Canonicals.Ucum, Code = "1" },
            // A points score is a count of points: UCUM annotation {score} (dimensionless), as the input contract's scores.
            ValueKind.Points when Number(node) is { } d => new Quantity { Value = d, Unit = "points", System = Canonicals.Ucum, Code = "{score}" },
            ValueKind.CnlcStage when text is not null => new CodeableConcept(Canonicals.CnlcStage, text, "CNLC stage " + text, null),
            ValueKind.BclcStage when text is not null => new CodeableConcept(Canonicals.BclcStage, text, "BCLC stage " + text, null),
            ValueKind.Grade when text is not null => new CodeableConcept { Text = text },
            _ => null,
        };
    }

    /// <summary>The score's own date, else the latest date of its inputs (ISO dates compare as text).</summary>
    private static string? Effective(JsonObject score) =>
        Text(score["date"]) ?? (score["inputs"] as JsonObject)?.Select(i => Text((i.Value as JsonObject)?["date"])).OfType<string>().Max(StringComparer.Ordinal);

    internal static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when Number(v) is { } d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => null,
    };

    /// <summary>A JSON number as decimal, whatever CLR type the node holds (int, double, decimal or a parsed element).</summary>
    internal static decimal? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? decimal.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
