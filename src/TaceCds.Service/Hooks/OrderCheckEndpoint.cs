using System.Text.Json.Nodes;
using TaceCds.Rules.Pipeline;
using TaceCds.Rules.Runtime;
using TaceCds.Service.Cards;

namespace TaceCds.Service.Hooks;

/// <summary>
/// <c>POST /cds-services/tace-order-check</c> on <c>order-select</c> and <c>order-sign</c>: for each draft TACE order, the
/// stop-TACE decision of the rule pack <c>stop-tace</c> (<see cref="StopTaceDecision"/>): a critical or warning card when
/// it is met (a new order is the decision made again, so a result kept as history counts), a warning that a DEB-TACE order
/// is a switch and not a repeat, else one info card saying whether the decision is not met or lacks data. Orders that are
/// not TACE get no card, and no patient data is read for them.
/// </summary>
public static class OrderCheckEndpoint
{
    public static IEndpointRouteBuilder MapOrderCheck(this IEndpointRouteBuilder app)
    {
        // The tumor-board suggestion is written by the Firely serializer, whose set-up costs 0.3-0.6 s once
        // (docs/performance.md): done in the background once the service has started, not on the first order-sign call.
        app.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            ThreadPool.QueueUserWorkItem(_ => TaceCds.Publishing.Suggestions.TumorBoardReferral.Writer.Prepare()));
        app.MapPost("/cds-services/" + ServiceCatalog.OrderCheckId, (HttpRequest http, HookCallHandler hooks, ICardUuidSource uuids, PatientPipeline pipeline, CancellationToken ct) =>
            hooks.HandleAsync(http, ServiceCatalog.OrderCheckId, async (service, request, token) =>
            {
                // Orders are matched by the TACE procedure value set the service loaded (built in plus the site's files).
                var orders = TaceOrders.Find(request, pipeline.Terminology.TaceProcedure);
                if (orders.Count == 0) return [];
                var result = await hooks.EvaluateAsync(service, request, token);
                if (result is null) return [];
                var decision = StopTaceDecision.From(result);
                if (decision?.Indicator is null) return CardInstances.Stamp([NoStopCard(result, decision)], uuids);
                return CardInstances.Stamp(orders.Select(order => (JsonNode?)(order.IsDebTace
                    ? StopTaceCard.BuildSwitch(order, decision, request.PatientId)
                    : StopTaceCard.Build(order, decision, request.PatientId))), uuids);
            }, ct));
        return app;
    }

    // Missing data is not read as "no criterion met": the summary says which of the three it is.
    private static JsonObject NoStopCard(JsonObject result, StopTaceDecision? decision)
    {
        var card = CourseSummaryCard.Build(result);
        var lead = decision?.Status switch
        {
            RuleStatus.NotMet => "No TACE stop criterion met.",
            RuleStatus.InsufficientData => "TACE stop criteria not all decidable: data missing.",
            _ => "The stop-TACE decision is not available (rule pack not loaded).",
        };
        card["summary"] = lead + " " + card["summary"]!.GetValue<string>();
        if (decision is not null) card["detail"] = decision.Explanation + "\n\n" + card["detail"]!.GetValue<string>();
        return card;
    }
}
