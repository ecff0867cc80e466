using System.Text.Json;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath;

/// <summary>
/// Everything an evaluation needs besides its focus: the instant <c>today()</c>/<c>now()</c> refer to
/// (<see cref="AsOf"/>; the engine never reads the clock), <c>%variables</c>, <c>%resource</c>/<c>%rootResource</c>,
/// and optional hooks for <c>trace()</c> and for member navigations that found nothing.
/// A context is not thread-safe while it is being configured; evaluating with it concurrently is fine if the hooks are.
/// </summary>
public sealed class FhirPathContext
{
    private readonly Dictionary<string, IReadOnlyList<FhirPathValue>> _variables = new(StringComparer.Ordinal);

    public FhirPathContext(DateTimeOffset asOf) => AsOf = asOf;

    /// <summary>The evaluation instant: <c>now()</c> is this, <c>today()</c> its date (in its offset).</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary><c>%resource</c>; when null, the evaluation focus.</summary>
    public JsonElement? Resource { get; set; }

    /// <summary><c>%rootResource</c>; when null, <see cref="Resource"/>.</summary>
    public JsonElement? RootResource { get; set; }

    /// <summary>Called by <c>trace(name)</c> with the traced collection.</summary>
    public Action<string, IReadOnlyList<FhirPathValue>>? Tracer { get; set; }

    /// <summary>
    /// Called when a member navigation over a non-empty input produced nothing, with the path text as written
    /// (a leading <c>%</c> removed), e.g. <c>course.baseline</c>: lets a rule report which inputs were missing.
    /// </summary>
    public Action<string>? MissingMember { get; set; }

    public IReadOnlyDictionary<string, IReadOnlyList<FhirPathValue>> Variables => _variables;

    /// <summary>
    /// Binds <c>%name</c> to JSON (an object or array becomes navigable, untyped unless it has a resourceType).
    /// The JSON must not change while the context is used: navigations into it are remembered across evaluations.
    /// </summary>
    public FhirPathContext SetVariable(string name, JsonElement value)
    {
        _variables[name] = Model.JsonNavigator.FromRoot(value, persistent: true);
        return this;
    }

    /// <summary>Binds <c>%name</c> to a primitive (bool, string, int, long, decimal, double, DateOnly, DateTimeOffset) or null (empty).</summary>
    public FhirPathContext SetVariable(string name, object? value)
    {
        _variables[name] = value switch
        {
            null => [],
            JsonElement json => Model.JsonNavigator.FromRoot(json, persistent: true),
            FhirPathValue v => [v],
            IReadOnlyList<FhirPathValue> list => list,
            bool b => BooleanValue.Collection(b),
            string s => [new StringValue(s)],
            int i => [new IntegerValue(i)],
            long l => [new IntegerValue(l)],
            decimal d => [new DecimalValue(d)],
            double d => [new DecimalValue((decimal)d)],
            DateOnly d => [new DateValue(new PartialDateTime(d.Year, d.Month, d.Day, 0, 0, 0, 0, DateTimePrecision.Day, null, false))],
            DateTimeOffset t => [new DateTimeValue(PartialDateTime.FromDateTime(t.DateTime, DateTimePrecision.Millisecond, (int)t.Offset.TotalMinutes))],
            _ => throw new ArgumentException($"unsupported variable type {value.GetType().Name}", nameof(value)),
        };
        return this;
    }
}
