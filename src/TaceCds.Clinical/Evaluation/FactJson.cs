using System.Text.Json.Nodes;
using TaceCds.Clinical.Facts;

namespace TaceCds.Clinical.Evaluation;

/// <summary>How one fact appears as evidence: its value, unit, date and the FHIR resource it came from.</summary>
public static class FactJson
{
    public static JsonObject Write(ObservationFact f)
    {
        var o = new JsonObject();
        if (f.Number is { } n) o["value"] = n;
        if (f.Unit is { } u) o["unit"] = u;
        if (f.Flag is { } b) o["value"] = b;
        if (f.Code is { } c) o["value"] = c;
        o["date"] = CourseJson.Day(f.Date);
        o["resource"] = f.Source;
        if (f.Preliminary) o["preliminary"] = true;
        if (f.Derived)
        {
            o["derived"] = true;
            o["derivedFrom"] = CourseJson.Strings(f.DerivedFrom);
        }
        return o;
    }

    /// <summary>An <c>inputs</c> object naming each fact used; absent ones are left out (they are in <c>missing</c>).</summary>
    public static JsonObject Inputs(IEnumerable<(string Name, ObservationFact? Fact)> inputs)
    {
        var o = new JsonObject();
        foreach (var (name, fact) in inputs)
            if (fact is not null) o[name] = Write(fact);
        return o;
    }
}
