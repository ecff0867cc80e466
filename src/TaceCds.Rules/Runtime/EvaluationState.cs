using System.Text.Json;
using TaceCds.FhirPath;
using TaceCds.FhirPath.Values;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Model;

namespace TaceCds.Rules.Runtime;

/// <summary>
/// One pack's evaluation for one patient: the FHIRPath context with the fact variables and the defines bound, and the
/// inputs each define found missing (so a criterion's missing list includes what its defines could not find).
/// </summary>
internal sealed class EvaluationState
{
    private readonly Dictionary<string, List<string>> _defineMissing = new(StringComparer.Ordinal);
    private List<string>? _sink;

    public EvaluationState(RulePack pack, JsonElement result, DateOnly asOf, string patient, List<RuleIssue> issues)
    {
        Pack = pack;
        AsOf = asOf;
        Patient = patient;
        Issues = issues;
        Context = new FhirPathContext(new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))
        {
            MissingMember = path => _sink?.Add(path),
        };
        foreach (var name in new[] { "course", "scores", "scoresNotComputed", "facts", "dataIssues" })
            Bind(name, result.TryGetProperty(name, out var v) ? v : default);
        Bind("patient", result.TryGetProperty("facts", out var f) && f.ValueKind == JsonValueKind.Object && f.TryGetProperty("patient", out var p) ? p : default);
        Context.SetVariable("asOf", asOf);
        Context.SetVariable("subject", patient);
        foreach (var (name, table) in pack.Tables) Context.SetVariable(name, table);
    }

    public RulePack Pack { get; }
    public DateOnly AsOf { get; }
    public string Patient { get; }
    public FhirPathContext Context { get; }
    public List<RuleIssue> Issues { get; }

    public void Bind(string name, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) Context.SetVariable(name, (object?)null);
        else Context.SetVariable(name, value);
    }

    public void Bind(string name, IReadOnlyList<FhirPathValue> value) => Context.SetVariable(name, value);

    /// <summary>Evaluates and binds defines in order; a define that fails is bound to empty and reported.</summary>
    public void EvaluateDefines(IReadOnlyList<Define> defines)
    {
        foreach (var define in defines)
        {
            var missing = new List<string>();
            var value = Evaluate(define.Expression, missing, $"define '{define.Name}'");
            _defineMissing[define.Name] = missing;
            Bind(define.Name, value);
        }
    }

    /// <summary>Evaluates an expression; FHIRPath errors become a RULE201 issue and an empty result.</summary>
    public IReadOnlyList<FhirPathValue> Evaluate(RuleExpression expression, List<string>? missing, string what)
    {
        var previous = _sink;
        _sink = missing;
        try
        {
            return expression.Compiled.Evaluate(default(JsonElement), Context);
        }
        catch (FhirPathException e)
        {
            Report(RuleErrorCodes.EvaluationFailed, $"{what} ({expression.Mark}): {e.Message}");
            return [];
        }
        finally
        {
            _sink = previous;
        }
    }

    /// <summary>A three-valued condition: true, false, or null when the expression gave empty.</summary>
    public bool? Condition(RuleExpression expression, List<string>? missing, string what)
    {
        var values = Evaluate(expression, missing, what);
        try
        {
            return ValueJson.Boolean(values);
        }
        catch (RuleEvaluationException e)
        {
            Report(e.Code, $"{what} ({expression.Mark}): {e.Message}");
            return null;
        }
    }

    /// <summary>The inputs an expression's defines found missing (added to <paramref name="missing"/>).</summary>
    public void AddDefineMissing(RuleExpression expression, List<string> missing)
    {
        foreach (var name in expression.Defines)
            if (_defineMissing.TryGetValue(name, out var m)) missing.AddRange(m);
    }

    public string Render(Template template, bool markdown)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var part in template.Parts)
        {
            if (part.Expression is null) sb.Append(part.Literal);
            else sb.Append(ValueFormatter.Format(Evaluate(part.Expression, null, $"placeholder '{part.Expression.Text}'"), part.Format, markdown));
        }
        return sb.ToString();
    }

    public void Report(string code, string message) => Issues.Add(new RuleIssue(code, Pack.Id, message));
}

/// <summary>A RULE2xx problem met while evaluating a pack for one patient.</summary>
public sealed record RuleIssue(string Code, string Pack, string Message);
