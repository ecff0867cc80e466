using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace TaceCds.Publishing.Results;

/// <summary>
/// The input resources a part of the EvaluationResult names (its <c>resource</c>, <c>exam</c> and <c>lesion</c> members,
/// at any depth): what a score was derived from, what a definition's evidence points to. In first-seen order, distinct.
/// </summary>
public static partial class SourceReferences
{
    private static readonly string[] Keys = ["resource", "exam", "lesion"];

    public static List<ResourceReference> Collect(JsonNode? node)
    {
        var found = new List<string>();
        Walk(node, found);
        return found.Distinct(StringComparer.Ordinal).Select(r => new ResourceReference(r)).ToList();
    }

    private static void Walk(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (Keys.Contains(key) && value is JsonValue v && v.TryGetValue<string>(out var s) && RelativeReference().IsMatch(s)) found.Add(s);
                    else Walk(value, found);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Walk(item, found);
                break;
        }
    }

    /// <summary>A FHIR relative reference <c>Type/id</c> (R4 id: [A-Za-z0-9\-\.]{1,64}).</summary>
    [GeneratedRegex(@"^[A-Z][A-Za-z]+/[A-Za-z0-9\-\.]{1,64}$")]
    private static partial Regex RelativeReference();
}
