using System.Text.Json.Nodes;
using TaceCds.FhirPath.Values;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Model;

namespace TaceCds.Rules.Runtime;

/// <summary>
/// Evaluates a model as data, once or once per item (<c>for-each</c>): applicability (three-valued), then the logistic
/// probability, relative odds, classification and points; inputs are echoed with their units so a card can show them.
/// </summary>
internal static class ModelEvaluator
{
    public static JsonNode Evaluate(EvaluationState state, ModelRule model, double? localIntercept)
    {
        if (model.ForEach is null) return One(state, model, localIntercept);
        var items = state.Evaluate(model.ForEach, null, "model for-each");
        var array = new JsonArray();
        foreach (var item in items)
        {
            state.Bind(model.As, [item]);
            array.Add(One(state, model, localIntercept));
        }
        return array;
    }

    private static JsonObject One(EvaluationState state, ModelRule model, double? localIntercept)
    {
        state.EvaluateDefines(model.Defines);
        var json = new JsonObject();
        if (model.Key is { } key && ValueJson.ToNode(state.Evaluate(key.Expression, null, "model key")) is { } k) json[key.Name] = k;
        var missing = new List<string>();
        if (model.Applicable.Count > 0)
        {
            var outcomes = model.Applicable.Select(c => CriteriaEvaluator.Evaluate(state, c)).ToList();
            var applicable = CriteriaEvaluator.Combine(outcomes, CriteriaCombination.All);
            if (applicable is { } a) json["applicable"] = a;
            var notes = outcomes.Where(o => o.Value != true && o.Reason is not null).Select(o => o.Reason!).ToList();
            if (notes.Count > 0) json["applicabilityNotes"] = DefinitionEvaluator.Strings(notes);
            json["applicability"] = CriteriaEvaluator.ToJson(outcomes);
        }
        var inputs = new JsonObject();
        if (model.Logistic is { } logistic) Logistic(state, logistic, json, inputs, missing);
        if (model.RelativeOdds is { } odds) RelativeOdds(state, odds, localIntercept, json, inputs, missing);
        if (model.Classify is { } classify) Classify(state, classify, json, missing);
        if (model.Points is { } points) Points(state, points, json, missing);
        foreach (var v in model.Values)
            if (ValueJson.ToNode(state.Evaluate(v.Expression, null, $"model value '{v.Name}'")) is { } node) json[v.Name] = node;
        if (inputs.Count > 0) json["inputs"] = inputs;
        if (missing.Count > 0) json["missing"] = DefinitionEvaluator.Strings(missing.Distinct(StringComparer.Ordinal));
        return json;
    }

    private static double? TermValue(EvaluationState state, ModelTerm term, JsonObject inputs, List<string> missing)
    {
        var values = state.Evaluate(term.Value, null, $"term '{term.Name}'");
        double? x = values switch
        {
            [BooleanValue b] => b.Value ? 1 : 0,
            [var v] when ValueFormatter.Number(v) is { } d => (double)d,
            _ => null,
        };
        if (values.Count > 1) state.Report(RuleErrorCodes.ModelArithmetic, $"term '{term.Name}' gave {values.Count} values, not one");
        if (x is null)
        {
            missing.Add(term.Label);
            return null;
        }
        var input = new JsonObject { ["value"] = values[0] is BooleanValue bv ? JsonValue.Create(bv.Value) : JsonValue.Create(x.Value) };
        if (term.Unit is { } unit) input["unit"] = unit;
        inputs[term.Name] = input;
        return x;
    }

    private static void Logistic(EvaluationState state, LogisticModel model, JsonObject json, JsonObject inputs, List<string> missing)
    {
        var logit = model.Intercept;
        var complete = true;
        foreach (var term in model.Terms)
        {
            if (TermValue(state, term, inputs, missing) is { } x) logit += term.Coefficient!.Value * x;
            else complete = false;
        }
        if (!complete) return;
        json["logit"] = Math.Round(logit, 3);
        json[model.Output] = Math.Round(1 / (1 + Math.Exp(-logit)), 4);
    }

    private static void RelativeOdds(EvaluationState state, RelativeOddsModel model, double? intercept, JsonObject json, JsonObject inputs, List<string> missing)
    {
        var logOdds = 0.0;
        var absolute = 0.0;
        var complete = true;
        var present = new List<string>();
        foreach (var term in model.Terms)
        {
            if (TermValue(state, term, inputs, missing) is not { } x) { complete = false; continue; }
            var beta = Math.Log(term.OddsRatio!.Value);
            var contribution = beta * (x - term.Reference);
            logOdds += contribution;
            absolute += beta * x;
            ((JsonObject)inputs[term.Name]!)["oddsRatio"] = term.OddsRatio.Value;
            ((JsonObject)inputs[term.Name]!)["factor"] = Math.Round(Math.Exp(contribution), 3);
            if (contribution > 0) present.Add(term.Label);
        }
        json["factorsPresent"] = DefinitionEvaluator.Strings(present);
        if (!complete) return;
        if (Math.Abs(logOdds) > 700)
        {
            state.Report(RuleErrorCodes.ModelArithmetic, $"relative odds overflow (log-odds {logOdds:0.#})");
            return;
        }
        json[model.Output] = Math.Round(Math.Exp(logOdds), 3);
        if (intercept is { } b0 && model.ProbabilityOutput is { } p)
        {
            json[p] = Math.Round(1 / (1 + Math.Exp(-(b0 + absolute))), 4);
            json["interceptSource"] = "local calibration (configuration)";
        }
    }

    private static void Classify(EvaluationState state, ClassifyModel model, JsonObject json, List<string> missing)
    {
        var unknown = false;
        foreach (var (when, value) in model.Cases)
        {
            var paths = new List<string>();
            var result = state.Condition(when, paths, $"classify case '{value}'");
            if (result == true) { json[model.Output] = value; return; }
            if (result is null) { unknown = true; state.AddDefineMissing(when, paths); missing.AddRange(paths); }
        }
        json[model.Output] = unknown ? RuleStatus.InsufficientData : model.Otherwise;
    }

    private static void Points(EvaluationState state, PointsModel model, JsonObject json, List<string> missing)
    {
        var total = 0.0;
        var complete = true;
        var components = new JsonObject();
        foreach (var (name, when, points) in model.Items)
        {
            var result = state.Condition(when, null, $"points item '{name}'");
            if (result is null) { complete = false; missing.Add(name); continue; }
            components[name] = result.Value ? points : 0;
            if (result.Value) total += points;
        }
        json["components"] = components;
        if (complete) json[model.Output] = total;
    }
}
