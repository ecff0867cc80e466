using System.Globalization;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using TaceCds.Rules.Model;

namespace TaceCds.Publishing.Results;

/// <summary>
/// A model pack's outputs as RiskAssessments, one per evaluated item (per lesion for <c>for-each</c> models). A probability
/// only where the model gives one (a logistic model with its intercept, or relative odds with a locally calibrated
/// intercept); relative odds without an intercept are a qualitative prediction ("relative odds N vs the reference
/// patient"), never a probability; a classification is its class. An item that is not applicable or has no output yet
/// (missing inputs) gets no RiskAssessment: the pack's GuidanceResponse says data-required and what is missing.
/// </summary>
public static class ModelRiskAssessments
{
    public static List<RiskAssessment> Build(ResultContext context, RulePack pack)
    {
        var list = new List<RiskAssessment>();
        if (pack.Model is not { } model || context.Result["models"]?[pack.Id] is not { } output) return list;
        var items = output is JsonArray a ? a.OfType<JsonObject>().ToList() : output is JsonObject o ? [o] : [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item["applicable"] is JsonValue applicable && applicable.TryGetValue<bool>(out var isApplicable) && !isApplicable) continue;
            var prediction = Prediction(model, item, pack.Title);
            if (prediction is null) continue;
            var key = model.Key is { } k && ScoreObservations.Text(item[k.Name]) is { } keyValue ? keyValue : i.ToString(CultureInfo.InvariantCulture);
            list.Add(new RiskAssessment
            {
                Id = context.Id($"RiskAssessment|{pack.Id}|{key}"),
                Status = ObservationStatus.Final,
                Method = new CodeableConcept(Canonicals.ResultCodes, pack.Id, pack.Title, null),
                Subject = context.Subject,
                Occurrence = new FhirDateTime(context.AsOf),
                Basis = SourceReferences.Collect(item),
                Prediction = [prediction],
                Note = model.Population is { } population ? [new Annotation { Text = population }] : [],
            });
        }
        return list;
    }

    private static RiskAssessment.PredictionComponent? Prediction(ModelRule model, JsonObject item, string title)
    {
        var prediction = new RiskAssessment.PredictionComponent { Outcome = new CodeableConcept { Text = title } };
        var rationale = new List<string>();
        if (model.Logistic is { } logistic && ScoreObservations.Number(item[logistic.Output]) is { } p)
        {
            prediction.Probability = new FhirDecimal(p);
            rationale.Add($"{logistic.Output} = {Invariant(p)} (logistic model with its published intercept)");
        }
        if (model.RelativeOdds is { } odds)
        {
            if (odds.ProbabilityOutput is { } po && ScoreObservations.Number(item[po]) is { } calibrated)
            {
                prediction.Probability = new FhirDecimal(calibrated);
                rationale.Add($"{po} = {Invariant(calibrated)} (locally calibrated intercept)");
            }
            if (ScoreObservations.Number(item[odds.Output]) is { } relative)
            {
                prediction.QualitativeRisk = new CodeableConcept { Text = $"relative odds {Invariant(relative)} vs the reference patient (no published intercept: not a probability)" };
                if (item["factorsPresent"] is JsonArray factors && factors.Count > 0)
                    rationale.Add("factors present: " + string.Join(", ", factors.Select(f => ScoreObservations.Text(f))));
            }
        }
        if (model.Classify is { } classify && ScoreObservations.Text(item[classify.Output]) is { } cls && cls != "insufficient-data")
        {
            prediction.QualitativeRisk ??= new CodeableConcept { Text = cls };
            rationale.Add($"{classify.Output}: {cls}");
        }
        if (model.Points is { } points && ScoreObservations.Number(item[points.Output]) is { } total)
            rationale.Add($"{points.Output}: {Invariant(total)} points");
        if (prediction.Probability is null && prediction.QualitativeRisk is null && rationale.Count == 0) return null;
        prediction.Rationale = string.Join("; ", rationale);
        return prediction;
    }

    private static string Invariant(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
