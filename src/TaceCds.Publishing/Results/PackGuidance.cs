using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using TaceCds.Publishing.Packs;
using TaceCds.Rules.Model;

namespace TaceCds.Publishing.Results;

/// <summary>
/// One pack's answer for the patient: a GuidanceResponse whose <c>module</c> is the pack's PlanDefinition (canonical with
/// version; R4 allows one module per response, so there is one response per pack), status <c>data-required</c> when the
/// definition is insufficient data or a model lacks inputs (what is missing, in clinical words, in <c>note</c>), the
/// definition's status and values as <c>outputParameters</c>, the pack's cards as a RequestGroup <c>result</c>, the score
/// Observations its expressions read as <c>reasonReference</c>s. R4 allows only Condition, Observation, DiagnosticReport
/// and DocumentReference there, so the pack's DetectedIssue and RiskAssessments are output parameters (valueReference).
/// </summary>
public static partial class PackGuidance
{
    public sealed record Output(GuidanceResponse Response, Parameters? Parameters, PackRecommendations.Output? Recommendations);

    /// <param name="observations">The score Observations the pack reads (R4 reasonReference allows Observation, not DetectedIssue).</param>
    /// <param name="findings">The pack's DetectedIssue and RiskAssessments: referenced from the output parameters.</param>
    public static Output Build(ResultContext context, RulePack pack, IReadOnlyList<Observation> observations, IReadOnlyList<Resource> findings,
        IReadOnlyList<JsonObject> cards, int modelOutputs)
    {
        var definition = context.Result["definitions"]?[pack.Id] as JsonObject;
        var missing = Missing(definition, context.Result["models"]?[pack.Id]);
        var dataRequired = ScoreObservations.Text(definition?["status"]) == "insufficient-data" || (pack.Model is not null && missing.Count > 0 && modelOutputs == 0);
        var response = new GuidanceResponse
        {
            Id = context.Id("GuidanceResponse|" + pack.Id),
            Module = new Canonical(Canonicals.PlanDefinition(pack.Id) + "|" + pack.Version),
            Status = dataRequired ? GuidanceResponse.GuidanceResponseStatus.DataRequired : GuidanceResponse.GuidanceResponseStatus.Success,
            Subject = context.Subject,
            OccurrenceDateTime = context.AsOf,
            ReasonReference = observations.Select(ResultContext.Reference).ToList(),
            Note = missing.Select(m => new Annotation { Text = "Missing: " + m }).ToList(),
        };
        Parameters? parameters = null;
        if (definition is not null || findings.Count > 0)
        {
            parameters = OutputParameters(context, pack, definition, findings);
            response.OutputParameters = ResultContext.Reference(parameters);
        }
        PackRecommendations.Output? recommendations = null;
        if (cards.Count > 0)
        {
            recommendations = PackRecommendations.Build(context, pack, cards);
            response.Result = ResultContext.Reference(recommendations.Group);
        }
        return new Output(response, parameters, recommendations);
    }

    /// <summary>The score members a pack's expressions read (<c>%scores.childPugh</c> → <c>childPugh</c>).</summary>
    public static IReadOnlySet<string> ScoresRead(RulePack pack)
    {
        var texts = pack.Defines.Select(d => d.Expression.Text)
            .Concat(pack.Definition?.Criteria.SelectMany(c => c.Requires.Append(c.When)).OfType<RuleExpression>().Select(e => e.Text) ?? [])
            .Concat(pack.Definition?.Values.Select(v => v.Expression.Text) ?? [])
            .Concat(pack.Model?.Defines.Select(d => d.Expression.Text) ?? []);
        return texts.SelectMany(t => ScoreRead().Matches(t).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
    }

    private static List<string> Missing(JsonObject? definition, JsonNode? model)
    {
        var missing = new List<string>();
        if (definition?["missing"] is JsonArray m) missing.AddRange(m.Select(ScoreObservations.Text).OfType<string>());
        foreach (var item in model is JsonArray a ? a.OfType<JsonObject>() : model is JsonObject o ? [o] : [])
            if (item["missing"] is JsonArray mm) missing.AddRange(mm.Select(ScoreObservations.Text).OfType<string>());
        return missing.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The definition's status, applicability and values, then a reference to each finding (parameter named after its
    /// type, camel case: <c>detectedIssue</c>, <c>riskAssessment</c>).
    /// </summary>
    private static Parameters OutputParameters(ResultContext context, RulePack pack, JsonObject? definition, IReadOnlyList<Resource> findings)
    {
        var parameters = new Parameters { Id = context.Id("Parameters|" + pack.Id) };
        if (ScoreObservations.Text(definition?["status"]) is { } status) parameters.Add("status", new Code(status));
        if (definition?["applicable"] is JsonValue applicable && applicable.TryGetValue<bool>(out var isApplicable)) parameters.Add("applicable", new FhirBoolean(isApplicable));
        if (definition?["values"] is JsonObject values)
        {
            foreach (var (name, node) in values)
                foreach (var value in node is JsonArray array ? array.ToList() : [node])
                    if (Value(value) is { } v) parameters.Add(name, v);
        }
        foreach (var finding in findings)
            parameters.Add(char.ToLowerInvariant(finding.TypeName[0]) + finding.TypeName[1..], ResultContext.Reference(finding));
        return parameters;
    }

    private static DataType? Value(JsonNode? node) => node switch
    {
        JsonValue v when ScoreObservations.Number(v) is { } d => new FhirDecimal(d),
        JsonValue v when v.TryGetValue<bool>(out var b) => new FhirBoolean(b),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => new FhirString(s),
        JsonObject o => new FhirString(o.ToJsonString()),
        _ => null,
    };

    [GeneratedRegex(@"%scores\.([A-Za-z0-9]+)")]
    private static partial Regex ScoreRead();
}
