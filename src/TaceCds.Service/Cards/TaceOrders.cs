using System.Text.Json;
using TaceCds.Clinical.Terminology;
using TaceCds.Fhir.Terminology;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;
using TaceCds.Service.Requests;

namespace TaceCds.Service.Cards;

/// <summary>
/// A draft TACE order found in <c>context.draftOrders</c>; <see cref="ResourceId"/> is <c>ServiceRequest/{id}</c> when it has
/// an id. <see cref="IsDebTace"/>: drug-eluting bead TACE, an option the CCI consensus names after refractoriness.
/// </summary>
public sealed record TaceOrder(ServiceRequest Order, string? ResourceId, bool IsDebTace = false);

/// <summary>
/// Finds TACE ServiceRequests among the draft orders: a code in the TACE procedure value set
/// (<c>https://tacecds.org/fhir/ValueSet/tace-procedure</c>: <c>tacecds#tace</c> and SNOMED CT 441525007 as built in, plus
/// the codes a site adds with its own ValueSet file) or the project code <c>tacecds#deb-tace</c>
/// (fhir-profiles/CodeSystem-tacecds.json). An order with any other code is not a TACE order: it gets no card. On
/// <c>order-select</c> only the orders in <c>selections</c> count; on <c>order-sign</c> every draft order does.
/// A DEB-TACE order is recognised by the project code <c>deb-tace</c> or, since no SNOMED CT or LOINC code for
/// drug-eluting bead TACE is recorded in fhir-profiles/codes.md, by the order's text ("DEB-TACE", "drug-eluting bead").
/// </summary>
public static partial class TaceOrders
{
    public const string TaceCdsSystem = CodeSystems.TaceCds;
    public const string DebTaceCode = "deb-tace";

    public static IReadOnlyList<TaceOrder> Find(CdsRequest request, LoadedValueSet taceProcedure)
    {
        var draftOrders = request.Context.GetProperty("draftOrders");
        var selections = request.Hook == HookDefinitions.OrderSelect && request.Context.TryGetProperty("selections", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : null;
        var found = new List<TaceOrder>();
        if (!draftOrders.TryGetProperty("entry", out var entries)) return found;
        var i = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var path = $"context.draftOrders.entry[{i++}].resource";
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("resource", out var resource) ||
                resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType", out var type) ||
                type.ValueKind != JsonValueKind.String || type.GetString() != "ServiceRequest") continue;
            ServiceRequest order;
            try
            {
                order = FhirJsonParser.Default.Parse<ServiceRequest>(resource);
            }
            catch (FhirFormatException ex)
            {
                throw CdsProblem.BadRequest(CdsErrorCodes.InvalidDraftOrders, path, $"{path} cannot be read as a ServiceRequest ({ex.Code} at {ex.Path}: {ex.Detail})", "structure");
            }
            if (!IsTace(order, taceProcedure)) continue;
            var resourceId = order.Id is { } id ? "ServiceRequest/" + id : null;
            if (selections is not null && (resourceId is null || !selections.Contains(resourceId))) continue;
            found.Add(new TaceOrder(order, resourceId, IsDebTace(order)));
        }
        return found;
    }

    public static bool IsTace(ServiceRequest order, LoadedValueSet taceProcedure) =>
        order.Code?.Coding.Any(c => taceProcedure.Contains(c.System, c.Code) || (c.System == TaceCdsSystem && c.Code == DebTaceCode)) == true;

    public static bool IsDebTace(ServiceRequest order) =>
        order.Code?.Coding.Any(c => c.System == TaceCdsSystem && c.Code == DebTaceCode) == true
        || DebText().IsMatch(order.Code?.Text ?? "")
        || order.Code?.Coding.Any(c => DebText().IsMatch(c.Display ?? "")) == true;

    [System.Text.RegularExpressions.GeneratedRegex(@"\bDEB[- ]?TACE\b|drug[- ]eluting bead", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DebText();
}
