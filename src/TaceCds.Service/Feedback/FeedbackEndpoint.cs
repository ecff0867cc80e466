using System.Text.Json.Nodes;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;
using TaceCds.Service.Hosting;
using TaceCds.Service.Requests;
using TaceCds.Service.Trust;
using TaceCds.Store;
using TaceCds.Store.Feedback;
using TaceCds.Store.Records;

namespace TaceCds.Service.Feedback;

/// <summary>
/// <c>POST /cds-services/{id}/feedback</c> (CDS Hooks 2.0.1 §Feedback): validates the whole batch, stores it in one
/// transaction (idempotent on card + outcome + outcomeTimestamp), and answers 200 only once it is durable.
/// </summary>
public static class FeedbackEndpoint
{
    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        app.MapPost("/cds-services/{id}/feedback", async (string id, HttpContext http, ICdsStore store, ServiceSettings settings,
            TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
        {
            if (ServiceCatalog.All.All(s => s.Id != id))
                throw new CdsProblem(StatusCodes.Status404NotFound, CdsErrorCodes.UnknownService, "no CDS service with this id; GET /cds-services lists them", "id", "not-found");
            using var body = await RequestBody.ReadJsonAsync(http.Request, settings.Limits, ct);
            IReadOnlyList<FeedbackRecord> records;
            try
            {
                records = FeedbackRequestReader.Read(body.RootElement, id, ClientIdentity.Get(http)?.Issuer, time.GetUtcNow());
            }
            catch (FeedbackException e)
            {
                throw CdsProblem.BadRequest(e.Code, e.Location, e.Reason);
            }
            var log = logs.CreateLogger("TaceCds.Service.Feedback");
            FeedbackBatchResult saved;
            try
            {
                saved = await store.SaveFeedbackAsync(records, CancellationToken.None);
            }
            catch (Exception e) when (e is StoreException or System.Data.Common.DbException or IOException)
            {
                log.LogError("feedback for {Service} not stored: {Type}", id, e.GetType().Name);
                throw new CdsProblem(StatusCodes.Status503ServiceUnavailable, "STORE102", "feedback could not be stored; send it again", null, "transient");
            }
            log.LogInformation("feedback for {Service}: {Stored} stored, {Duplicates} already known", id, saved.Stored, saved.Duplicates);
            return new CdsJsonResult(new JsonObject { ["stored"] = saved.Stored, ["duplicates"] = saved.Duplicates });
        });
        return app;
    }
}
