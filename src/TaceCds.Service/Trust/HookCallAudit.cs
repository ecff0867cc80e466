using System.Text.Json.Nodes;
using TaceCds.Store;
using TaceCds.Store.Audit;
using TaceCds.Store.Records;

namespace TaceCds.Service.Trust;

/// <summary>
/// Writes one audit record per hook call: caller (verified iss/tenant), patient, status, and each card's uuid,
/// rule, rule version and evidence references. Never the Authorization header, the JWT or fhirAuthorization.
/// A failing store is logged and does not withhold decision support from the clinician.
/// </summary>
public sealed class HookCallAudit(ICdsStore store, TimeProvider time, ILogger<HookCallAudit> log)
{
    public async Task RecordAsync(HttpContext http, string serviceId, string? hook, string? hookInstance, string? patientId, JsonArray? cards,
        JsonObject? evaluation, int status, DateTimeOffset startedAt)
    {
        var client = ClientIdentity.Get(http);
        var record = new HookCallRecord
        {
            At = startedAt,
            ServiceId = serviceId,
            Hook = hook ?? "?",
            HookInstance = hookInstance ?? "?",
            ClientIssuer = client?.Issuer,
            Tenant = client?.Tenant,
            PatientId = patientId,
            HttpStatus = status,
            DurationMs = (long)(time.GetUtcNow() - startedAt).TotalMilliseconds,
            Cards = cards is null ? [] : AuditCardExtractor.Extract(cards, evaluation),
        };
        try
        {
            await store.RecordHookCallAsync(record, CancellationToken.None);
        }
        catch (Exception e) when (e is StoreException or System.Data.Common.DbException or IOException)
        {
            log.LogError("audit record of {Service} {Hook} not stored: {Type}", serviceId, record.Hook, e.GetType().Name);
        }
    }
}
