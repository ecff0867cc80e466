using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using TaceCds.Rules.Loading;

namespace TaceCds.Publishing.Results;

/// <summary>
/// <c>tacecds evaluate --format fhir</c>: one patient's EvaluationResult as a Bundle of type collection (docs/fhir-artifacts.md
/// "Results as FHIR"): per rule pack a GuidanceResponse (with its Parameters, RequestGroup and CommunicationRequests), then the score
/// Observations, the model RiskAssessments and the DetectedIssues of met definitions. Resources refer to each other by
/// <c>urn:uuid:</c> and to the patient's record by the relative references the result lists as sources.
/// </summary>
public static class ResultBundle
{
    public static Bundle Build(JsonObject result, RuleSet rules)
    {
        var context = new ResultContext(result);
        var observations = ScoreObservations.Build(context);
        var guidance = new List<Resource>();
        var findings = new List<Resource>(observations.Select(o => o.Observation));
        var cards = (result["cards"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var pack in rules.Packs)
        {
            var scoresRead = PackGuidance.ScoresRead(pack);
            var read = observations.Where(o => o.Path.StartsWith("scores.", StringComparison.Ordinal) && scoresRead.Contains(o.Path[(o.Path.LastIndexOf('.') + 1)..]))
                .Select(o => o.Observation).ToList();
            var packFindings = new List<Resource>(ModelRiskAssessments.Build(context, pack));
            var modelOutputs = packFindings.Count;
            if (DefinitionIssues.Build(context, pack) is { } issue) packFindings.Add(issue);
            findings.AddRange(packFindings);
            var packCards = cards.Where(c => ScoreObservations.Text(c["source"]?["topic"]?["code"]) == pack.Id).ToList();
            var output = PackGuidance.Build(context, pack, read, packFindings, packCards, modelOutputs);
            guidance.Add(output.Response);
            if (output.Parameters is { } parameters) guidance.Add(parameters);
            if (output.Recommendations is { } recommendations)
            {
                guidance.Add(recommendations.Group);
                guidance.AddRange(recommendations.Communications);
            }
        }
        var bundle = new Bundle { Id = context.Id("Bundle"), Type = Bundle.BundleType.Collection };
        foreach (var resource in guidance.Concat(findings))
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = ResultContext.FullUrl(resource.Id), Resource = resource });
        return bundle;
    }

    private static readonly FhirJsonWriter Writer = new(
        typeof(Bundle), typeof(GuidanceResponse), typeof(Parameters), typeof(RequestGroup), typeof(CommunicationRequest), typeof(Observation), typeof(RiskAssessment),
        typeof(DetectedIssue));

    public static string ToJson(JsonObject result, RuleSet rules, bool indented) => Writer.Serialize(Build(result, rules), indented);
}
