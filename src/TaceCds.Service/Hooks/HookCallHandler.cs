using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Service.Cards;
using TaceCds.Service.Errors;
using TaceCds.Service.Evaluation;
using TaceCds.Service.Hosting;
using TaceCds.Service.Prefetch;
using TaceCds.Service.Requests;
using TaceCds.Service.Telemetry;
using TaceCds.Service.Trust;

namespace TaceCds.Service.Hooks;

/// <summary>What a hook endpoint produces from a validated request: the cards, before normalisation.</summary>
public delegate Task<IReadOnlyList<JsonNode?>> CardProducer(CdsServiceDefinition service, CdsRequest request, CancellationToken ct);

/// <summary>
/// The steps every hook call shares: read and validate the body, gather the patient's data, evaluate, and answer
/// with normalised cards. Logs the service, hook, status and time, never patient data or tokens.
/// </summary>
public sealed class HookCallHandler(PatientDataAssembler assembler, IPatientEvaluator evaluator, EvaluationDay day, ServiceSettings settings,
    HookCallAudit audit, FhirServerPolicy fhirServers, HookCallTelemetry telemetry, TimeProvider time, ILogger<HookCallHandler> log)
{
    // The EvaluationResult behind this call's cards (the handler lives for one request): rule versions and evidence for the audit.
    private JsonObject? _evaluation;

    public async Task<CdsJsonResult> HandleAsync(HttpRequest http, string serviceId, CardProducer produce, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var startedAt = time.GetUtcNow();
        using var _ = telemetry;
        telemetry.Start(serviceId);
        // Plain strings: the request's JSON is disposed by the time a refusal reaches the catch.
        string? hook = null, hookInstance = null, patientId = null;
        try
        {
            using var body = await RequestBody.ReadJsonAsync(http, settings.Limits, ct);
            hook = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("hook", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
            var service = FindService(serviceId, body.RootElement);
            // fhirServer checked against the allowlists before anything could connect to it (403 CDS114).
            var request = fhirServers.Authorize(http.HttpContext, CdsRequestReader.Read(body.RootElement, service));
            (hook, hookInstance, patientId) = (request.Hook, request.HookInstance, request.ContextValue("patientId"));
            var cards = await produce(service, request, ct);
            var rejected = new List<CardRuleViolation>();
            var response = CdsResponseNormalizer.Normalize(cards, rejected);
            foreach (var violation in rejected)
                log.LogError("A card of {Service} broke a card rule and was not sent: {Path}: {Rule}", serviceId, violation.Path, violation.Rule);
            log.LogDebug("{Service} on {Hook}: {Cards} card(s) in {Elapsed} ms", serviceId, request.Hook, ((JsonArray)response["cards"]!).Count, clock.ElapsedMilliseconds);
            telemetry.Answered(hook, StatusCodes.Status200OK, (JsonArray)response["cards"]!);
            using (HookCallTelemetry.Step("audit.enqueue"))
            {
                if (!await audit.RecordAsync(http.HttpContext, serviceId, hook, hookInstance, patientId, (JsonArray)response["cards"]!, _evaluation, StatusCodes.Status200OK, startedAt))
                    throw AuditBackpressure(http);
            }
            return new CdsJsonResult(response);
        }
        catch (CdsProblem problem) when (problem.Code != CdsErrorCodes.AuditBackpressure)
        {
            telemetry.Answered(hook, problem.Status, null);
            if (!await audit.RecordAsync(http.HttpContext, serviceId, hook, hookInstance, patientId, null, null, problem.Status, startedAt))
                throw AuditBackpressure(http);
            throw;
        }
    }

    // Withheld, not answered unaudited: the client retries after a second.
    private static CdsProblem AuditBackpressure(HttpRequest http)
    {
        http.HttpContext.Response.Headers.RetryAfter = "1";
        return new CdsProblem(StatusCodes.Status503ServiceUnavailable, CdsErrorCodes.AuditBackpressure,
            "the audit trail cannot keep up; the answer is withheld rather than given unaudited: send the call again", null, "transient");
    }

    /// <summary>The EvaluationResult for the request's patient, or null when no Patient could be found.</summary>
    public async Task<JsonObject?> EvaluateAsync(CdsServiceDefinition service, CdsRequest request, CancellationToken ct)
    {
        PatientData data;
        using (HookCallTelemetry.Step("cds.gather_data"))
            data = await assembler.GatherAsync(service, request, ct);
        if (data.Patient is null) return null;
        var input = new RecordInput(data.Patient, data.Resources.Select(r => new Clinical.Facts.RecordEntry(r)).ToList(), data.Issues);
        using (HookCallTelemetry.Step("cds.evaluate"))
            return _evaluation = evaluator.Evaluate(input, day.Today());
    }

    // The entry for this id and the body's hook; with an unknown hook, the id's first entry (validation then names the hook).
    private static CdsServiceDefinition FindService(string serviceId, JsonElement root)
    {
        var hook = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("hook", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
        return (hook is null ? null : ServiceCatalog.Find(serviceId, hook)) ?? ServiceCatalog.All.First(s => s.Id == serviceId);
    }
}
