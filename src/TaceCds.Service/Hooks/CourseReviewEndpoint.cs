using System.Text.Json.Nodes;
using TaceCds.Service.Board;
using TaceCds.Service.Cards;

namespace TaceCds.Service.Hooks;

/// <summary>
/// <c>POST /cds-services/tace-course-review</c> on <c>patient-view</c>: the engine's cards plus the course summary card,
/// which links to the patient's board page; every card a fresh uuid.
/// </summary>
public static class CourseReviewEndpoint
{
    public static IEndpointRouteBuilder MapCourseReview(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cds-services/" + ServiceCatalog.CourseReviewId, (HttpRequest http, HookCallHandler hooks, ICardUuidSource uuids, BoardCardLinks boardLinks, CancellationToken ct) =>
            hooks.HandleAsync(http, ServiceCatalog.CourseReviewId, async (service, request, token) =>
            {
                var result = await hooks.EvaluateAsync(service, request, token);
                if (result is null) return [];
                var cards = (result["cards"] as JsonArray ?? []).Select(c => c?.DeepClone()).ToList();
                cards.Add(CourseSummaryCard.Build(result));
                boardLinks.Attach(cards, request.PatientId);
                return CardInstances.Stamp(cards, uuids);
            }, ct));
        return app;
    }
}
