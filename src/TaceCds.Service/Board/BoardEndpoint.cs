using TaceCds.Clinical.Evaluation;
using TaceCds.Fhir.Client;
using TaceCds.Fhir.Data;
using TaceCds.Report;
using TaceCds.Report.Model;
using TaceCds.Rules.Pipeline;
using TaceCds.Service.Errors;
using TaceCds.Service.Evaluation;
using TaceCds.Service.Hosting;
using TaceCds.Service.Prefetch;
using TaceCds.Service.Requests;

namespace TaceCds.Service.Board;

/// <summary>
/// <c>GET /board/{patientId}</c>: the tumor-board page of one patient (self-contained HTML), read from the configured FHIR
/// server, else the local data source, evaluated as of today (or the configured day). Opened by a trusted back end with
/// its client JWT, or by a browser with the short-lived link token a patient-view card carries (<see cref="BoardLinkAccess"/>).
/// </summary>
public static class BoardEndpoint
{
    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/board/{patientId}", async (string patientId, HttpContext http, BoardLinkAccess links, ServiceSettings settings, FhirRestClient client, LocalDataSource local,
            PatientPipeline pipeline, EvaluationDay day, CancellationToken ct) =>
        {
            if (!FhirIds.Id().IsMatch(patientId))
                throw CdsProblem.BadRequest(CdsErrorCodes.InvalidId, "patientId", "the patient id is not a FHIR id");
            // A link token stands in for the client JWT (which ClientAuthentication then did not ask for): valid for this patient, or refused.
            if (BoardLinkAccess.CarriesLinkToken(http.Request)) await links.AuthorizeAsync(http, patientId);
            IFhirDataSource? source = settings.FhirServerBaseUrl is { } url
                ? new FhirRestDataSource(client, new FhirServerAccess(url, settings.FhirServerBearerToken))
                : local.Source;
            if (source is null)
                throw new CdsProblem(StatusCodes.Status412PreconditionFailed, CdsErrorCodes.DataUnavailable, "no FHIR server or local data is configured", "patientId", "not-found");
            var record = await source.GetPatientRecordAsync(patientId, ct);
            if (record is null || RecordInput.FromRecord(record) is not { } input)
                throw new CdsProblem(StatusCodes.Status404NotFound, CdsErrorCodes.NotFound, "no such patient", "patientId", "not-found");
            var asOf = day.Today();
            var clinical = input.Evaluate(asOf, pipeline.Extraction);
            var html = BoardRenderer.Render([BoardPatient.From(input, clinical, pipeline.Complete(clinical))]);
            // Patient data: not kept by browser or proxy caches; and the page's URL (which may hold a link token) is never sent on as a Referer.
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return Results.Content(html, "text/html; charset=utf-8");
        });
        return app;
    }
}
