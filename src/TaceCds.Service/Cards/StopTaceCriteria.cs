using System.Globalization;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Cards;

/// <summary>One finding of the EvaluationResult that says TACE should stop.</summary>
public sealed record StopTaceFinding(string Id, string Reason, Citation Citation);

/// <summary>
/// The single list of findings that say "stop TACE" (refractoriness definitions met, retreatment scores over their
/// cut-offs: clinical-reference.md §2-§4). The order check raises a critical card when any holds.
/// </summary>
public static class StopTaceCriteria
{
    private sealed record Criterion(string Id, Func<JsonObject, string?> Check, Citation Citation);

    private static readonly Criterion[] All =
    [
        new("cci-2022", r => Status(r, "cci-2022") == "met" ? "TACE refractoriness met (CCI 2022 consensus)" : null, Citation.Cci2022),
        new("jsh-2014", r => Status(r, "jsh-2014") == "met" ? "TACE failure/refractoriness met (JSH-LCSGJ 2014)" : null, Citation.Jsh2014),
        new("art", r => Points(r, "art") is >= 2.5 and var p ? $"ART score {Format(p)} (≥ 2.5: no further TACE advised)" : null, Citation.Art),
        new("abcr", r => Points(r, "abcr") is >= 4 and var p ? $"ABCR score {Format(p)} (≥ 4: no further TACE advised)" : null, Citation.Abcr),
    ];

    public static IReadOnlyList<StopTaceFinding> Evaluate(JsonObject result) =>
        All.Select(c => (c, reason: c.Check(result))).Where(x => x.reason is not null)
            .Select(x => new StopTaceFinding(x.c.Id, x.reason!, x.c.Citation)).ToList();

    private static string? Status(JsonObject result, string definition) =>
        ResultJson.Text(result["definitions"]?[definition]?["status"]);

    private static double? Points(JsonObject result, string score) =>
        ResultJson.Number(result["scores"]?[score]?["points"]);

    private static string Format(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
