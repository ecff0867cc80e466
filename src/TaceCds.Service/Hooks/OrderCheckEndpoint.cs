using System.Text.Json.Nodes;
using TaceCds.Service.Cards;

namespace TaceCds.Service.Hooks;

/// <summary>
/// <c>POST /cds-services/tace-order-check</c> on <c>order-select</c> and <c>order-sign</c>: for each draft TACE order, a
/// critical card when a finding says TACE should stop (<see cref="StopTaceCriteria"/>), else an info card. Orders that
/// are not TACE get no card, and no patient data is read for them.
/// </summary>
public static class OrderCheckEndpoint
{
    public static IEndpointRouteBuilder MapOrderCheck(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cds-services/" + ServiceCatalog.OrderCheckId, (HttpRequest http, HookCallHandler hooks, CancellationToken ct) =>
            hooks.HandleAsync(http, ServiceCatalog.OrderCheckId, async (service, request, token) =>
            {
                var orders = TaceOrders.Find(request);
                if (orders.Count == 0) return [];
                var result = await hooks.EvaluateAsync(service, request, token);
                if (result is null) return [];
                var findings = StopTaceCriteria.Evaluate(result);
                if (findings.Count == 0) return [NoStopCard(result)];
                return orders.Select(order => (JsonNode?)StopTaceCard.Build(order, findings, request.PatientId)).ToList();
            }, ct));
        return app;
    }

    private static JsonObject NoStopCard(JsonObject result)
    {
        var card = CourseSummaryCard.Build(result);
        card["summary"] = "No TACE stop criterion met. " + card["summary"]!.GetValue<string>();
        return card;
    }
}
