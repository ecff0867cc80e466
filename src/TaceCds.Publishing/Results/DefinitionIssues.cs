using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using TaceCds.Rules.Model;

namespace TaceCds.Publishing.Results;

/// <summary>
/// A met definition (TACE refractoriness by CCI 2022 or JSH-LCSGJ 2014, the stop-TACE decision, ART or ABCR advising
/// against retreatment) as a DetectedIssue coded with the pack id in the results CodeSystem: <c>implicated</c> are the
/// input resources of the definition's evidence, one <c>evidence</c> entry per met criterion with its reason. Severity
/// comes from the met criteria's own indicator (critical high, warning moderate) and is left out where the pack gives none.
/// </summary>
public static class DefinitionIssues
{
    public static DetectedIssue? Build(ResultContext context, RulePack pack)
    {
        if (pack.Definition is null || context.Result["definitions"]?[pack.Id] is not JsonObject definition) return null;
        if (ScoreObservations.Text(definition["status"]) != "met") return null;
        var issue = new DetectedIssue
        {
            Id = context.Id("DetectedIssue|" + pack.Id),
            Status = ObservationStatus.Final,
            Code = new CodeableConcept(Canonicals.ResultCodes, pack.Id, pack.Title, ScoreObservations.Text(definition["title"])),
            Patient = context.Subject,
            Identified = new FhirDateTime(context.AsOf),
            Implicated = SourceReferences.Collect(definition["evidence"]),
            Detail = string.Join("\n", (definition["reasons"] as JsonArray ?? []).Select(ScoreObservations.Text).OfType<string>()),
            Reference = pack.Citation.Link,
        };
        var indicators = new List<string>();
        if (definition["criteria"] is JsonObject criteria)
        {
            foreach (var (id, node) in criteria)
            {
                if (node is not JsonObject criterion || ScoreObservations.Text(criterion["status"]) != "met") continue;
                if (ScoreObservations.Text(criterion["indicator"]) is { } indicator) indicators.Add(indicator);
                issue.Evidence.Add(new DetectedIssue.EvidenceComponent
                {
                    Code = [new CodeableConcept { Text = $"{id}: {ScoreObservations.Text(criterion["reason"]) ?? ScoreObservations.Text(criterion["title"])}" }],
                });
            }
        }
        if (indicators.Contains("critical")) issue.Severity = DetectedIssue.DetectedIssueSeverity.High;
        else if (indicators.Contains("warning")) issue.Severity = DetectedIssue.DetectedIssueSeverity.Moderate;
        if (string.IsNullOrEmpty(issue.Detail)) issue.Detail = null;
        return issue;
    }
}
